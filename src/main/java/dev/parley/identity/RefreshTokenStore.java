package dev.parley.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh-token families and the hashes of their tokens, in PostgreSQL. */
@Repository
class RefreshTokenStore {

	private final JdbcClient jdbc;

	RefreshTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void createFamily(UUID familyId, UUID userId, Instant now) {
		jdbc.sql("insert into refresh_token_families (id, user_id, created_at) values (?, ?, ?)")
			.params(familyId, userId, Timestamps.sql(now))
			.update();
	}

	/** Stores a new token of the family; {@code rotatedFrom} is the token its rotation consumed, if any. */
	void addToken(byte[] tokenHash, UUID familyId, byte @Nullable [] rotatedFrom, Instant now, Instant expiresAt) {
		jdbc.sql("""
				insert into refresh_tokens (token_hash, family_id, rotated_from, created_at, expires_at)
				values (?, ?, ?, ?, ?)
				""").params(tokenHash, familyId, rotatedFrom, Timestamps.sql(now), Timestamps.sql(expiresAt)).update();
	}

	/**
	 * Marks an unused token used, atomically: of concurrent callers presenting the same token,
	 * exactly one gets it back.
	 */
	Optional<ClaimedToken> claim(byte[] tokenHash, Instant now) {
		return jdbc.sql("""
				update refresh_tokens t set used_at = :now
				from refresh_token_families f
				where t.token_hash = :hash and t.used_at is null and f.id = t.family_id
				returning t.family_id, f.user_id, t.expires_at, f.revoked_at is not null as revoked
				""")
			.param("now", Timestamps.sql(now))
			.param("hash", tokenHash)
			.query(ClaimedToken.class)
			.optional();
	}

	/** A token already used, with whether it was rotated into a successor that is still unused. */
	Optional<SpentToken> findSpent(byte[] tokenHash) {
		return jdbc.sql("""
				select t.family_id, t.used_at, (s.token_hash is not null and s.used_at is null) as successor_unused
				from refresh_tokens t left join refresh_tokens s on s.rotated_from = t.token_hash
				where t.token_hash = ? and t.used_at is not null
				""").params(tokenHash).query(SpentToken.class).optional();
	}

	Optional<TokenFamily> familyOf(byte[] tokenHash) {
		return jdbc.sql("""
				select f.id as family_id, f.user_id from refresh_tokens t
				join refresh_token_families f on f.id = t.family_id where t.token_hash = ?
				""").params(tokenHash).query(TokenFamily.class).optional();
	}

	void revokeFamily(UUID familyId, String reason, Instant now) {
		jdbc.sql("update refresh_token_families set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null")
			.params(Timestamps.sql(now), reason, familyId)
			.update();
	}

	void revokeFamiliesOf(UUID userId, UUID except, String reason, Instant now) {
		jdbc.sql("""
				update refresh_token_families set revoked_at = ?, revoked_reason = ?
				where user_id = ? and id <> ? and revoked_at is null
				""").params(Timestamps.sql(now), reason, userId, except).update();
	}

	void revokeFamiliesOf(UUID userId, String reason, Instant now) {
		jdbc.sql("update refresh_token_families set revoked_at = ?, revoked_reason = ? where user_id = ? and revoked_at is null")
			.params(Timestamps.sql(now), reason, userId)
			.update();
	}

	/** The user and current role of a session that is not revoked, of an account that still exists. */
	Optional<CredentialCache.ActiveSession> activeSession(UUID familyId) {
		return jdbc.sql("""
				select f.user_id, u.role from refresh_token_families f join users u on u.id = f.user_id
				where f.id = ? and f.revoked_at is null
				""")
			.params(familyId)
			.query((rs, row) -> new CredentialCache.ActiveSession(rs.getObject("user_id", UUID.class),
					Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT))))
			.optional();
	}

	record ClaimedToken(UUID familyId, UUID userId, OffsetDateTime expiresAt, boolean revoked) {

		boolean usableAt(Instant now) {
			return !revoked && expiresAt.toInstant().isAfter(now);
		}
	}

	record TokenFamily(UUID familyId, UUID userId) {
	}

	/**
	 * @param successorUnused whether the rotation that used this token issued a successor nobody has
	 *     used yet: then this is the family's last rotated token
	 */
	record SpentToken(UUID familyId, OffsetDateTime usedAt, boolean successorUnused) {

		/**
		 * Whether presenting it again now may be a concurrent request of its owner rather than
		 * theft: only the family's last rotated token, while its successor is unused, and only
		 * within {@code grace} of its rotation.
		 */
		boolean mayBeARaceAt(Instant now, Duration grace) {
			return successorUnused && !usedAt.toInstant().plus(grace).isBefore(now);
		}
	}

}
