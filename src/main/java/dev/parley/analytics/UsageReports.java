package dev.parley.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sums of usage records over a time range, for one user or all, in total and by model or day. */
@Component
class UsageReports {

	private final JdbcClient jdbc;

	UsageReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param userId whose usage, or {@code null} for everyone's */
	UsageTotals totals(@Nullable UUID userId, Instant from, Instant to) {
		return query("'total'", userId, from, to).getFirst();
	}

	List<UsageTotals> grouped(UsageGrouping grouping, @Nullable UUID userId, Instant from, Instant to) {
		return query(grouping.sqlKey(), userId, from, to).stream().filter(totals -> totals.requests() > 0).toList();
	}

	/**
	 * Everyone's usage by {@code grouping}, most expensive first (then most requests), at most
	 * {@code top} groups.
	 */
	List<UsageTotals> ranked(UsageGrouping grouping, Instant from, Instant to, int top) {
		return jdbc.sql("""
				select %s as key, count(*) as requests,
					coalesce(sum(prompt_tokens), 0) as prompt_tokens,
					coalesce(sum(completion_tokens), 0) as completion_tokens,
					coalesce(sum(cost_usd), 0) as cost_usd,
					count(*) filter (where cache_hit) as cache_hits
				from usage_records
				where created_at >= :from and created_at < :to
				group by 1 order by cost_usd desc, requests desc, key limit :top
				""".formatted(grouping.sqlKey()))
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("top", top)
			.query(UsageReports::totals)
			.list();
	}

	private List<UsageTotals> query(String key, @Nullable UUID userId, Instant from, Instant to) {
		String sql = """
				select %s as key, count(*) as requests,
					coalesce(sum(prompt_tokens), 0) as prompt_tokens,
					coalesce(sum(completion_tokens), 0) as completion_tokens,
					coalesce(sum(cost_usd), 0) as cost_usd,
					count(*) filter (where cache_hit) as cache_hits
				from usage_records
				where created_at >= :from and created_at < :to and (cast(:userId as uuid) is null or user_id = :userId)
				group by 1 order by 1
				""".formatted(key);
		List<UsageTotals> rows = jdbc.sql(sql)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("userId", userId)
			.query(UsageReports::totals)
			.list();
		return rows.isEmpty() ? List.of(UsageTotals.empty(key.replace("'", ""))) : rows;
	}

	private static UsageTotals totals(ResultSet row, int rowNumber) throws SQLException {
		BigDecimal cost = row.getBigDecimal("cost_usd");
		return new UsageTotals(row.getString("key"), row.getLong("requests"), row.getLong("prompt_tokens"),
				row.getLong("completion_tokens"), cost.stripTrailingZeros(), row.getLong("cache_hits"));
	}

	/** How usage is broken down. */
	enum UsageGrouping {

		MODEL("model"), DAY("to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')"), USER("user_id::text"),
		PROVIDER("provider"), KEY("coalesce(api_key_id::text, 'session')");

		private final String sqlKey;

		UsageGrouping(String sqlKey) {
			this.sqlKey = sqlKey;
		}

		String sqlKey() {
			return sqlKey;
		}
	}

	/** Sums for one key (a model, a day, or the total); {@code cacheHits}: requests answered from the response cache. */
	record UsageTotals(String key, long requests, long promptTokens, long completionTokens, BigDecimal costUsd,
			long cacheHits) {

		static UsageTotals empty(String key) {
			return new UsageTotals(key, 0, 0, 0, BigDecimal.ZERO, 0);
		}

		long totalTokens() {
			return promptTokens + completionTokens;
		}
	}
}
