package dev.parley.ai.quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.ConditionalOnRedis;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Quota counters in Redis, when it is configured: each counter is a hash ({@code tokens},
 * {@code usd}, {@code requests}) with a companion hash of the holds on it (hold id to
 * {@code tokens:usd:expiry-millis}); reserving, settling and reading are each one Lua script, so
 * atomic across nodes. Lapsed holds are dropped by the next script that reads them; keys expire an
 * hour after their period. Every key of one user shares a hash slot ({@code {user-id}}).
 */
@Component
@ConditionalOnRedis
class RedisQuotaStore implements QuotaStore {

	private static final String PREFIX = "parley:quota:";

	/** Sums a counter's live holds into {@code heldTokens}, {@code heldUsd}, dropping lapsed ones. */
	private static final String HELD = """
			local function held(key, now)
			  local heldKey = key .. ':held'
			  local tokens, usd = 0, 0
			  local entries = redis.call('HGETALL', heldKey)
			  for j = 1, #entries, 2 do
			    local t, u, e = string.match(entries[j + 1], '(%d+):(%d+):(%d+)')
			    if tonumber(e) <= now then
			      redis.call('HDEL', heldKey, entries[j])
			    else
			      tokens = tokens + tonumber(t)
			      usd = usd + tonumber(u)
			    end
			  end
			  return tokens, usd
			end
			local function used(key)
			  local v = redis.call('HMGET', key, 'tokens', 'usd', 'requests')
			  return tonumber(v[1] or '0'), tonumber(v[2] or '0'), tonumber(v[3] or '0')
			end
			""";

	// ARGV: hold, tokens, usd, now, holdUntil, then per key: tokensLimit, usdLimit, requestsLimit,
	// tokensPolicy, usdPolicy, requestsPolicy, expireAtMillis ('' for none).
	private static final RedisScript<List> RESERVE = RedisScript.of(HELD + """
			local hold, tokens, usd, now, holdUntil = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
			local violated = {}
			for i = 1, #KEYS do
			  local a = 5 + (i - 1) * 7
			  local heldTokens, heldUsd = held(KEYS[i], now)
			  local usedTokens, usedUsd, requests = used(KEYS[i])
			  if ARGV[a + 1] ~= '' and usedTokens + heldTokens + tokens > tonumber(ARGV[a + 1]) then
			    table.insert(violated, ARGV[a + 4])
			  end
			  if ARGV[a + 2] ~= '' and usedUsd + heldUsd + usd > tonumber(ARGV[a + 2]) then
			    table.insert(violated, ARGV[a + 5])
			  end
			  if ARGV[a + 3] ~= '' and requests + 1 > tonumber(ARGV[a + 3]) then
			    table.insert(violated, ARGV[a + 6])
			  end
			end
			if #violated > 0 then
			  return violated
			end
			for i = 1, #KEYS do
			  local a = 5 + (i - 1) * 7
			  redis.call('HINCRBY', KEYS[i], 'requests', 1)
			  redis.call('PEXPIREAT', KEYS[i], ARGV[a + 7])
			  if ARGV[a + 1] ~= '' or ARGV[a + 2] ~= '' then
			    redis.call('HSET', KEYS[i] .. ':held', hold, tokens .. ':' .. usd .. ':' .. holdUntil)
			    redis.call('PEXPIREAT', KEYS[i] .. ':held', ARGV[a + 7])
			  end
			end
			return violated
			""", List.class);

	// ARGV: hold, tokens, usd, then per key: expireAtMillis.
	private static final RedisScript<Long> SETTLE = RedisScript.of("""
			for i = 1, #KEYS do
			  redis.call('HDEL', KEYS[i] .. ':held', ARGV[1])
			  redis.call('HINCRBY', KEYS[i], 'tokens', ARGV[2])
			  redis.call('HINCRBY', KEYS[i], 'usd', ARGV[3])
			  redis.call('PEXPIREAT', KEYS[i], ARGV[3 + i])
			end
			return #KEYS
			""", Long.class);

	// ARGV: now. Answers five numbers per key.
	private static final RedisScript<List> READ = RedisScript.of(HELD + """
			local now = tonumber(ARGV[1])
			local out = {}
			for i = 1, #KEYS do
			  local usedTokens, usedUsd, requests = used(KEYS[i])
			  local heldTokens, heldUsd = held(KEYS[i], now)
			  table.insert(out, usedTokens)
			  table.insert(out, usedUsd)
			  table.insert(out, requests)
			  table.insert(out, heldTokens)
			  table.insert(out, heldUsd)
			end
			return out
			""", List.class);

	private final StringRedisTemplate redis;

	RedisQuotaStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public List<String> reserve(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros, Instant now,
			Instant holdUntil) {
		List<String> args = new ArrayList<>(List.of(hold.toString(), Long.toString(tokens), Long.toString(usdMicros),
				Long.toString(now.toEpochMilli()), Long.toString(holdUntil.toEpochMilli())));
		for (QuotaCounter counter : counters) {
			args.add(text(counter.tokensLimit()));
			args.add(text(counter.usdMicrosLimit()));
			args.add(text(counter.requestsLimit()));
			args.add(text(counter.tokensPolicy()));
			args.add(text(counter.usdPolicy()));
			args.add(text(counter.requestsPolicy()));
			args.add(Long.toString(counter.expiresAt().toEpochMilli()));
		}
		List<?> violated = redis.execute(RESERVE, keys(counters), args.toArray());
		return violated == null ? List.of() : violated.stream().map(String::valueOf).toList();
	}

	@Override
	public void settle(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros) {
		List<QuotaCounter> counting = counters.stream().filter(QuotaCounter::countsUsage).toList();
		List<String> args = new ArrayList<>(List.of(hold.toString(), Long.toString(tokens), Long.toString(usdMicros)));
		counting.forEach(counter -> args.add(Long.toString(counter.expiresAt().toEpochMilli())));
		redis.execute(SETTLE, keys(counting), args.toArray());
	}

	@Override
	public Map<String, CounterUsage> usage(List<QuotaCounter> counters, Instant now) {
		Map<String, CounterUsage> usage = new HashMap<>();
		if (counters.isEmpty()) {
			return usage;
		}
		List<?> values = redis.execute(READ, keys(counters), Long.toString(now.toEpochMilli()));
		for (int i = 0; values != null && i < counters.size(); i++) {
			usage.put(counters.get(i).key(), new CounterUsage(number(values, i * 5), number(values, i * 5 + 1),
					number(values, i * 5 + 2), number(values, i * 5 + 3), number(values, i * 5 + 4)));
		}
		return usage;
	}

	private static List<String> keys(List<QuotaCounter> counters) {
		return counters.stream().map(counter -> PREFIX + counter.key()).toList();
	}

	private static String text(@org.jspecify.annotations.Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	private static long number(List<?> values, int index) {
		return ((Number) values.get(index)).longValue();
	}
}
