package dev.parley.ai.quota;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.parley.platform.ConditionalOnMissingRedis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quota counters in PostgreSQL, for servers without Redis. A reservation is one call of
 * {@code quota_reserve}: it locks the counters in key order, checks them against the totals they
 * keep of their holds and holds the estimate; a settlement is one call of {@code quota_settle},
 * which locks in the same order (V26_1). Each is one short transaction that commits without waiting
 * for the disk: all turns of one user queue on the same rows, for the time of the function only.
 * Lapsed holds are given back by the next reservation on their counter, or by the sweep; until then
 * {@link #usage} leaves them out.
 */
@Component
@ConditionalOnMissingRedis
class PostgresQuotaStore implements QuotaStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * Outside any transaction of the caller's: each call is its own, and holds the counters' locks
	 * only for the function's time, whatever the caller is doing.
	 */
	private final TransactionTemplate onItsOwn;

	PostgresQuotaStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.onItsOwn = new TransactionTemplate(transactions);
		this.onItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
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
		String counterJson = JSON.writeValueAsString(json);
		return Objects.requireNonNull(onItsOwn.execute(status -> jdbc
			.sql("select quota_reserve(:hold, cast(:counters as jsonb), :tokens, :usd, :now, :until)")
			.param("hold", hold)
			.param("counters", counterJson)
			.param("tokens", tokens)
			.param("usd", usdMicros)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(holdUntil))
			.query((rs, row) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
			.single()));
	}

	@Override
	public void settle(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros) {
		List<String> keys = counters.stream().filter(QuotaCounter::countsUsage).map(QuotaCounter::key).toList();
		if (keys.isEmpty()) {
			// Only minute counters: the reservation held nothing.
			return;
		}
		onItsOwn.executeWithoutResult(status -> jdbc
			.sql("select quota_settle(:hold, string_to_array(:keys, ' '), :tokens, :usd)")
			.param("hold", hold)
			.param("keys", String.join(" ", keys))
			.param("tokens", tokens)
			.param("usd", usdMicros)
			.query((rs, row) -> 1)
			.single());
	}

	@Override
	public Map<String, CounterUsage> usage(List<QuotaCounter> counters, Instant now) {
		Map<String, CounterUsage> usage = new HashMap<>();
		if (counters.isEmpty()) {
			return usage;
		}
		jdbc.sql("""
				select c.key, c.used_tokens, c.used_usd_micros, c.requests,
				       c.held_tokens - coalesce(sum(h.tokens), 0) as held_tokens,
				       c.held_usd_micros - coalesce(sum(h.usd_micros), 0) as held_usd
				  from quota_counters c
				  left join quota_holds h
				    on c.holds_lapse_at <= :now and h.counter_key = c.key and h.expires_at <= :now
				 where c.key in (:keys)
				 group by c.key""")
			.param("now", Timestamp.from(now))
			.param("keys", counters.stream().map(QuotaCounter::key).toList())
			.query(rs -> {
				usage.put(rs.getString("key"), new CounterUsage(rs.getLong("used_tokens"), rs.getLong("used_usd_micros"),
						rs.getLong("requests"), rs.getLong("held_tokens"), rs.getLong("held_usd")));
			});
		return usage;
	}

	/**
	 * Gives back the lapsed holds of counters no reservation has looked at since (one counter per
	 * statement: each locks only its own row), and drops the counters of periods long over with
	 * their holds.
	 */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	void sweep() {
		Timestamp now = Timestamp.from(clock.instant());
		List<String> lapsing = jdbc.sql("select key from quota_counters where holds_lapse_at <= :now order by key")
			.param("now", now)
			.query(String.class)
			.list();
		for (String key : lapsing) {
			jdbc.sql("select quota_release_lapsed(:key, :now)")
				.param("key", key)
				.param("now", now)
				.query((rs, row) -> 1)
				.single();
		}
		jdbc.sql("delete from quota_counters where expires_at <= :now").param("now", now).update();
		jdbc.sql("delete from quota_holds h where not exists (select 1 from quota_counters c where c.key = h.counter_key)")
			.update();
	}
}
