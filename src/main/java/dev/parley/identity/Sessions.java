package dev.parley.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login sessions as refresh-token families (RFC 9700 section 4.14.2). A login opens a family; each
 * refresh rotates its token; a rotated token presented again revokes the whole family, since
 * either its owner or a thief holds a copy. The one replay excused (refused with 401, the family
 * kept) is that of the family's last rotated token within {@code parley.identity.refresh-reuse-grace}
 * of its rotation while its successor is still unused: two requests of one client racing with the
 * same token. Access tokens name their family and stop working as soon as it is revoked.
 */
@Service
class Sessions {

	private static final int TOKEN_BYTES = 32;

	private final RefreshTokenStore store;

	private final UserRepository users;

	private final AccessTokens accessTokens;

	private final IdentityProperties properties;

	private final TransactionTemplate transactions;

	private final CredentialCache cache;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Sessions(RefreshTokenStore store, UserRepository users, AccessTokens accessTokens, IdentityProperties properties,
			TransactionTemplate transactions, CredentialCache cache, Clock clock) {
		this.store = store;
		this.users = users;
		this.accessTokens = accessTokens;
		this.properties = properties;
		this.transactions = transactions;
		this.cache = cache;
		this.clock = clock;
	}

	TokenPair open(User user) {
		UUID familyId = Ids.next();
		return transactions.execute(status -> {
			store.createFamily(familyId, user.id(), clock.instant());
			return issue(user, familyId, null);
		});
	}

	TokenPair refresh(String refreshToken) {
		byte[] hash = hash(refreshToken);
		Instant now = clock.instant();
		TokenPair rotated = transactions.execute(status -> store.claim(hash, now)
			.filter(claimed -> claimed.usableAt(now))
			.flatMap(claimed -> users.findById(claimed.userId()).map(user -> issue(user, claimed.familyId(), hash)))
			.orElse(null));
		if (rotated != null) {
			return rotated;
		}
		store.findSpent(hash).ifPresent(spent -> {
			if (!spent.mayBeARaceAt(now, properties.refreshReuseGrace())) {
				store.revokeFamily(spent.familyId(), "refresh token reused", now);
				cache.forgetSession(spent.familyId());
				throw new RefreshTokenReused();
			}
		});
		throw new RefreshTokenInvalid();
	}

	/**
	 * Ends the caller's session and, if given, the session of a refresh token the caller owns. A
	 * caller with an API key has no session of its own to end.
	 */
	void close(AuthenticatedUser caller, @Nullable String refreshToken) {
		Instant now = clock.instant();
		if (caller.sessionId() != null) {
			store.revokeFamily(caller.sessionId(), "logout", now);
			cache.forgetSession(caller.sessionId());
		}
		if (refreshToken != null && !refreshToken.isBlank()) {
			store.familyOf(hash(refreshToken))
				.filter(family -> family.userId().equals(caller.id()))
				.ifPresent(family -> {
					store.revokeFamily(family.familyId(), "logout", now);
					cache.forgetSession(family.familyId());
				});
		}
	}

	/** Ends every session of the user but {@code keptSessionId}; every one when it is {@code null}. */
	void closeAllExcept(UUID userId, @Nullable UUID keptSessionId, String reason) {
		if (keptSessionId == null) {
			store.revokeFamiliesOf(userId, reason, clock.instant());
		}
		else {
			store.revokeFamiliesOf(userId, keptSessionId, reason, clock.instant());
		}
		cache.forgetSessionsOf(userId);
	}

	/**
	 * The user and current role of a session that has not ended, as this node read it at most
	 * {@code parley.identity.auth-cache.ttl} ago.
	 */
	Optional<CredentialCache.ActiveSession> activeSession(UUID sessionId) {
		return cache.session(sessionId, () -> store.activeSession(sessionId));
	}

	private TokenPair issue(User user, UUID familyId, byte @Nullable [] rotatedFrom) {
		Instant now = clock.instant();
		String refreshToken = newRefreshToken();
		store.addToken(hash(refreshToken), familyId, rotatedFrom, now, now.plus(properties.refreshTokenTtl()));
		return new TokenPair(user, accessTokens.issue(user, familyId), refreshToken, accessTokens.ttlSeconds());
	}

	private String newRefreshToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hash(String token) {
		return SecretHash.sha256(token);
	}
}
