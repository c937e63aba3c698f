package dev.parley.platform.flags;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The flags of this server: the rules admins stored in PostgreSQL over the built-in defaults of the
 * settings. Every node keeps a copy in memory, so an evaluation reads no database; each write bumps
 * the single version number in {@code feature_flag_version} in its transaction, and every node
 * compares that number with its copy's every refresh interval (about 2 s) and reloads when it
 * moved. A change is thus seen on the node that made it at once and on every other within one
 * interval plus a query. Polling one indexed row was chosen over LISTEN/NOTIFY: it needs no
 * dedicated connection, survives reconnects without a missed notification, and costs one tiny query
 * per node every interval.
 */
class FlagStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<String, Boolean> defaults;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

	FlagStore(JdbcClient jdbc, TransactionTemplate transactions, Map<String, Boolean> defaults, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.defaults = Map.copyOf(defaults);
		this.clock = clock;
	}

	/** The rule that decides {@code key}: the stored one, else the built-in default; none for an unknown key. */
	Optional<FlagRule> find(String key) {
		FlagRule stored = snapshot.stored().get(key);
		if (stored != null) {
			return Optional.of(stored);
		}
		Boolean builtIn = defaults.get(key);
		return builtIn == null ? Optional.empty() : Optional.of(FlagRule.defaultOf(key, builtIn));
	}

	/** Every flag, built-in or stored, by key. */
	List<FlagRule> all() {
		Map<String, FlagRule> all = new TreeMap<>();
		defaults.forEach((key, on) -> all.put(key, FlagRule.defaultOf(key, on)));
		all.putAll(snapshot.stored());
		return List.copyOf(all.values());
	}

	boolean builtIn(String key) {
		return defaults.containsKey(key);
	}

	@Nullable Boolean defaultOf(String key) {
		return defaults.get(key);
	}

	/** The version of the rules this node evaluates with. */
	long version() {
		return snapshot.version();
	}

	/** Stores the rule of {@code key}, replacing any, and makes every node see it. */
	FlagRule put(String key, boolean enabled, int rolloutPercent, Set<String> roles, Set<UUID> users,
			@Nullable String description, @Nullable UUID by) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into feature_flags (key, enabled, rollout_percent, roles, users, description, created_at, updated_at, updated_by)
					values (:key, :enabled, :rollout, :roles, :users, :description, :now, :now, :by)
					on conflict (key) do update set enabled = excluded.enabled, rollout_percent = excluded.rollout_percent,
						roles = excluded.roles, users = excluded.users, description = excluded.description,
						updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
				.param("key", key)
				.param("enabled", enabled)
				.param("rollout", rolloutPercent)
				.param("roles", roles.toArray(String[]::new))
				.param("users", users.toArray(UUID[]::new))
				.param("description", description)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.param("by", by)
				.update();
			bumpVersion();
		});
		refresh();
		return find(key).orElseThrow();
	}

	/** Removes the stored rule of {@code key} (a built-in flag goes back to its default); whether there was one. */
	boolean delete(String key) {
		Boolean deleted = transactions.execute(status -> {
			int rows = jdbc.sql("delete from feature_flags where key = :key").param("key", key).update();
			if (rows > 0) {
				bumpVersion();
			}
			return rows > 0;
		});
		refresh();
		return Boolean.TRUE.equals(deleted);
	}

	private void bumpVersion() {
		jdbc.sql("update feature_flag_version set version = version + 1").update();
	}

	/** Reloads the rules when another node (or this one) changed them since the last load. */
	void refresh() {
		long current = jdbc.sql("select version from feature_flag_version").query(Long.class).single();
		if (current == snapshot.version()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			long version = jdbc.sql("select version from feature_flag_version").query(Long.class).single();
			Map<String, FlagRule> stored = new TreeMap<>();
			jdbc.sql("select key, enabled, rollout_percent, roles, users, description, updated_at from feature_flags")
				.query(FlagStore::rule)
				.list()
				.forEach(rule -> stored.put(rule.key(), rule));
			if (version > snapshot.version()) {
				snapshot = new Snapshot(version, Collections.unmodifiableMap(stored));
			}
		});
	}

	private static FlagRule rule(ResultSet row, int number) throws SQLException {
		return new FlagRule(row.getString("key"), row.getBoolean("enabled"), row.getInt("rollout_percent"),
				new LinkedHashSet<>(Arrays.asList((String[]) array(row.getArray("roles")))),
				new LinkedHashSet<>(Arrays.asList((UUID[]) array(row.getArray("users")))), row.getString("description"),
				true, row.getTimestamp("updated_at").toInstant());
	}

	private static Object[] array(Array array) throws SQLException {
		return (Object[]) array.getArray();
	}

	private record Snapshot(long version, Map<String, FlagRule> stored) {
	}
}
