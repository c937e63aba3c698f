package dev.parley.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys, stored as SHA-256 hashes, in PostgreSQL. */
@Repository
class ApiKeyStore {

	private static final String COLUMNS = "id, name, prefix, created_at, expires_at, last_used_at, max_parallel_requests, rpm, tpm, models";

	private final JdbcClient jdbc;

	ApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, ApiKey key, byte[] keyHash) {
		jdbc.sql("""
				insert into api_keys (id, user_id, name, prefix, key_hash, created_at, expires_at,
				max_parallel_requests, rpm, tpm, models) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(key.id(), userId, key.name(), key.prefix(), keyHash, Timestamps.sql(key.createdAt()),
					Timestamps.sql(key.expiresAt()), key.limits().maxParallelRequests(), key.limits().rpm(),
					key.limits().tpm(), models(key.limits()))
			.update();
	}

	/** The user's key of this id that is not revoked. */
	Optional<ApiKey> find(UUID userId, UUID keyId) {
		return jdbc.sql("select " + COLUMNS + " from api_keys where id = ? and user_id = ? and revoked_at is null")
			.params(keyId, userId)
			.query(ApiKeyStore::apiKey)
			.optional();
	}

	/** Stores a key's name and limits; {@code false} when the user has no such key that is not revoked. */
	boolean update(UUID userId, UUID keyId, String name, ApiKeyLimits limits) {
		return jdbc.sql("""
				update api_keys set name = ?, max_parallel_requests = ?, rpm = ?, tpm = ?, models = ?
				where id = ? and user_id = ? and revoked_at is null
				""")
			.params(name, limits.maxParallelRequests(), limits.rpm(), limits.tpm(), models(limits), keyId, userId)
			.update() == 1;
	}

	/** The user's keys that are not revoked, newest first, after {@code cursor} when given. */
	List<ApiKey> findActive(UUID userId, @Nullable Cursor cursor, int limit) {
		String after = cursor == null ? "" : "and (created_at, id) < (:at, :id)";
		JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from api_keys"
				+ " where user_id = :user and revoked_at is null " + after
				+ " order by created_at desc, id desc limit :limit")
			.param("user", userId)
			.param("limit", limit);
		if (cursor != null) {
			statement = statement.param("at", Timestamps.sql(cursor.at())).param("id", cursor.id());
		}
		return statement.query(ApiKeyStore::apiKey).list();
	}

	/** Revokes a key of the user; {@code false} when the user has no key of that id. Revoking twice is harmless. */
	boolean revoke(UUID userId, UUID keyId, Instant now) {
		return jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, ?) where id = ? and user_id = ?")
			.params(Timestamps.sql(now), keyId, userId)
			.update() == 1;
	}

	/** The owner of the key with this hash, if the key is neither revoked nor expired at {@code now}. */
	Optional<KeyOwner> findUsable(byte[] keyHash, Instant now) {
		return jdbc.sql("""
				select k.id, k.user_id, u.role, k.last_used_at, k.expires_at, k.max_parallel_requests, k.rpm, k.tpm, k.models
				from api_keys k join users u on u.id = k.user_id
				where k.key_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?)
				""")
			.params(keyHash, Timestamps.sql(now))
			.query((rs, row) -> new KeyOwner(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), instant(rs, "last_used_at"),
					instant(rs, "expires_at"), limits(rs)))
			.optional();
	}

	/**
	 * Records a use, unless one at or after {@code staleBefore} is recorded already: of several
	 * nodes touching the same key at once, at most one writes.
	 */
	void recordUse(UUID keyId, Instant now, Instant staleBefore) {
		jdbc.sql("update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(Timestamps.sql(now), keyId, Timestamps.sql(staleBefore))
			.update();
	}

	/** Who a usable key belongs to, when it was last used, until when it works and what it may do. */
	record KeyOwner(UUID keyId, UUID userId, Role role, @Nullable Instant lastUsedAt, @Nullable Instant expiresAt,
			ApiKeyLimits limits) {

		boolean usableAt(Instant now) {
			return expiresAt == null || expiresAt.isAfter(now);
		}
	}

	private static ApiKey apiKey(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"), limits(rs));
	}

	private static ApiKeyLimits limits(ResultSet rs) throws SQLException {
		Array models = rs.getArray("models");
		return new ApiKeyLimits(rs.getObject("id", UUID.class), rs.getObject("max_parallel_requests", Integer.class),
				rs.getObject("rpm", Integer.class), rs.getObject("tpm", Integer.class),
				models == null ? null : List.of((String[]) models.getArray()));
	}

	private static String @Nullable [] models(ApiKeyLimits limits) {
		return limits.models() == null ? null : limits.models().toArray(String[]::new);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
