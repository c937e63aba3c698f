package dev.parley.ai.quota;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.ConditionalOnMissingRedis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quota counters in PostgreSQL, for servers without Redis: a reservation is one call of the
 * {@code quota_reserve} function (V23_1), which locks the counters, checks them and holds the
 * estimate in one transaction; a settlement is one statement. Lapsed holds are ignored by the
 * check and swept with old counters now and then.
 */
@Component
@ConditionalOnMissingRedis
class PostgresQuotaStore implements QuotaStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	PostgresQuotaStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<String> reserve(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros, Instant now,
			Instant holdUntil) {
		ArrayNode json = JSON.createArrayNode();
		for (QuotaCounter counter : counters) {
			ObjectNode node = json.addObject();
			node.put("key", counter.key());
			node.put("tokens_limit", counter.tokensLimit());
			node.put("usd_limit", counter.usdMicrosLimit());
			node.put("requests_limit", counter.requestsLimit());
			node.put("tokens_policy", counter.tokensPolicy());
			node.put("usd_policy", counter.usdPolicy());
			node.put("requests_policy", counter.requestsPolicy());
			node.put("expires_at", counter.expiresAt().toString());
		}
		Array violated = jdbc.sql("select quota_reserve(:hold, cast(:counters as jsonb), :tokens, :usd, :now, :until)")
			.param("hold", hold)
			.param("counters", JSON.writeValueAsString(json))
			.param("tokens", tokens)
			.param("usd", usdMicros)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(holdUntil))
			.query((rs, row) -> rs.getArray(1))
			.single();
		try {
			return Arrays.asList((String[]) violated.getArray());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Unreadable answer of quota_reserve", ex);
		}
	}

	@Override
	public void settle(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros) {
		List<String> keys = counters.stream().filter(QuotaCounter::countsUsage).map(QuotaCounter::key).toList();
		if (keys.isEmpty()) {
			jdbc.sql("delete from quota_holds where id = :hold").param("hold", hold).update();
			return;
		}
		jdbc.sql("""
				with released as (delete from quota_holds where id = :hold)
				update quota_counters set used_tokens = used_tokens + :tokens, used_usd_micros = used_usd_micros + :usd
				 where key in (:keys)""")
			.param("hold", hold)
			.param("tokens", tokens)
			.param("usd", usdMicros)
			.param("keys", keys)
			.update();
	}

	@Override
	public Map<String, CounterUsage> usage(List<QuotaCounter> counters, Instant now) {
		Map<String, CounterUsage> usage = new HashMap<>();
		if (counters.isEmpty()) {
			return usage;
		}
		jdbc.sql("""
				select c.key, c.used_tokens, c.used_usd_micros, c.requests,
				       coalesce(sum(h.tokens), 0) as held_tokens, coalesce(sum(h.usd_micros), 0) as held_usd
				  from quota_counters c
				  left join quota_holds h on h.counter_key = c.key and h.expires_at > :now
				 where c.key in (:keys)
				 group by c.key, c.used_tokens, c.used_usd_micros, c.requests""")
			.param("now", Timestamp.from(now))
			.param("keys", counters.stream().map(QuotaCounter::key).toList())
			.query(rs -> {
				usage.put(rs.getString("key"), new CounterUsage(rs.getLong("used_tokens"), rs.getLong("used_usd_micros"),
						rs.getLong("requests"), rs.getLong("held_tokens"), rs.getLong("held_usd")));
			});
		return usage;
	}

	/** Drops lapsed holds and the counters of periods long over. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	void sweep() {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("delete from quota_holds where expires_at <= :now").param("now", now).update();
		jdbc.sql("delete from quota_counters where expires_at <= :now").param("now", now).update();
	}
}
