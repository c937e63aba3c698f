package dev.parley.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Timestamps;
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

	void addToken(byte[] tokenHash, UUID familyId, Instant now, Instant expiresAt) {
		jdbc.sql("insert into refresh_tokens (token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(tokenHash, familyId, Timestamps.sql(now), Timestamps.sql(expiresAt))
			.update();
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

	Optional<SpentToken> findSpent(byte[] tokenHash) {
		return jdbc.sql("select family_id, used_at from refresh_tokens where token_hash = ? and used_at is not null")
			.params(tokenHash)
			.query(SpentToken.class)
			.optional();
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

	boolean isActive(UUID familyId) {
		return jdbc.sql("select exists (select 1 from refresh_token_families where id = ? and revoked_at is null)")
			.params(familyId)
			.query(Boolean.class)
			.single();
	}

	record ClaimedToken(UUID familyId, UUID userId, OffsetDateTime expiresAt, boolean revoked) {

		boolean usableAt(Instant now) {
			return !revoked && expiresAt.toInstant().isAfter(now);
		}
	}

	record TokenFamily(UUID familyId, UUID userId) {
	}

	record SpentToken(UUID familyId, OffsetDateTime usedAt) {
	}

}
