package dev.parley.ai.quota;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quotas admins set, in PostgreSQL. Generations read them all from a copy each node keeps for
 * {@code parley.ai.quotas.definitions-cached-for} (one query per node and period, whatever the
 * traffic), so that a server without quotas pays nothing per request; a change made here is seen
 * at once on this node and within that time on the others.
 */
@Component
class QuotaDefinitions {

	private static final String COLUMNS = "subject_type, subject_id, tokens_per_day, tokens_per_month, "
			+ "usd_micros_per_day, usd_micros_per_month, requests_per_minute, updated_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LoadingCache<Boolean, Map<QuotaSubject, QuotaLimits>> all;

	QuotaDefinitions(JdbcClient jdbc, Clock clock, QuotaProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.all = Caffeine.newBuilder().expireAfterWrite(properties.definitionsCachedFor()).build(any -> load());
	}

	/** Every quota, as of at most the cache period ago. */
	Map<QuotaSubject, QuotaLimits> all() {
		return all.get(Boolean.TRUE);
	}

	Optional<StoredQuota> find(QuotaSubject subject) {
		return jdbc.sql("select " + COLUMNS + " from quotas where subject_type = :type and subject_id = :id")
			.param("type", subject.type().wireName())
			.param("id", subject.id())
			.query(QuotaDefinitions::row)
			.optional();
	}

	List<StoredQuota> list() {
		return jdbc.sql("select " + COLUMNS + " from quotas order by subject_type, subject_id")
			.query(QuotaDefinitions::row)
			.list();
	}

	StoredQuota put(QuotaSubject subject, QuotaLimits limits) {
		StoredQuota stored = jdbc.sql("""
				insert into quotas (subject_type, subject_id, tokens_per_day, tokens_per_month, usd_micros_per_day,
				    usd_micros_per_month, requests_per_minute, updated_at)
				values (:type, :id, :tokensPerDay, :tokensPerMonth, :usdPerDay, :usdPerMonth, :rpm, :now)
				on conflict (subject_type, subject_id) do update set tokens_per_day = excluded.tokens_per_day,
				    tokens_per_month = excluded.tokens_per_month, usd_micros_per_day = excluded.usd_micros_per_day,
				    usd_micros_per_month = excluded.usd_micros_per_month,
				    requests_per_minute = excluded.requests_per_minute, updated_at = excluded.updated_at
				""" + "returning " + COLUMNS)
			.param("type", subject.type().wireName())
			.param("id", subject.id())
			.param("tokensPerDay", limits.tokensPerDay())
			.param("tokensPerMonth", limits.tokensPerMonth())
			.param("usdPerDay", limits.usdMicrosPerDay())
			.param("usdPerMonth", limits.usdMicrosPerMonth())
			.param("rpm", limits.requestsPerMinute())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(QuotaDefinitions::row)
			.single();
		all.invalidateAll();
		return stored;
	}

	boolean delete(QuotaSubject subject) {
		int deleted = jdbc.sql("delete from quotas where subject_type = :type and subject_id = :id")
			.param("type", subject.type().wireName())
			.param("id", subject.id())
			.update();
		all.invalidateAll();
		return deleted > 0;
	}

	private Map<QuotaSubject, QuotaLimits> load() {
		Map<QuotaSubject, QuotaLimits> loaded = new HashMap<>();
		for (StoredQuota quota : list()) {
			loaded.put(quota.subject(), quota.limits());
		}
		return Map.copyOf(loaded);
	}

	private static StoredQuota row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		QuotaSubject subject = new QuotaSubject(
				QuotaSubject.Type.valueOf(rs.getString("subject_type").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("subject_id"));
		return new StoredQuota(subject, new QuotaLimits(rs.getObject("tokens_per_day", Long.class),
				rs.getObject("tokens_per_month", Long.class), rs.getObject("usd_micros_per_day", Long.class),
				rs.getObject("usd_micros_per_month", Long.class), longOrNull(rs, "requests_per_minute")),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static @org.jspecify.annotations.Nullable Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** A quota as stored, with when it was last set. */
	record StoredQuota(QuotaSubject subject, QuotaLimits limits, java.time.Instant updatedAt) {
	}
}
