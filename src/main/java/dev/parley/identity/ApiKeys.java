package dev.parley.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.Ids;
import dev.parley.platform.PageLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Parley API keys: long-lived bearer secrets ({@code pk_} and 32 random bytes, base64url) for
 * scripts and OpenAI-compatible clients. A key is shown once, when created; the server keeps only
 * its SHA-256 and its first characters. A key authenticates its owner with the role the account has
 * at the time of the request, until it expires or is revoked. Keys are managed from a login session
 * only: the routes are {@link dev.parley.platform.SessionOnlyEndpoints} (see {@link IdentityEndpoints}).
 */
@Service
class ApiKeys {

	static final String KEY_PREFIX = "pk_";

	private static final int KEY_BYTES = 32;

	private static final int SHOWN_CHARACTERS = KEY_PREFIX.length() + 8;

	private final ApiKeyStore store;

	private final Duration lastUseResolution;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiKeys(ApiKeyStore store, IdentityProperties properties, Clock clock) {
		this.store = store;
		this.lastUseResolution = properties.apiKeys().lastUseResolution();
		this.clock = clock;
	}

	/** Whether a bearer value is meant as an API key rather than an access token. */
	static boolean looksLikeKey(@Nullable String bearer) {
		return bearer != null && bearer.startsWith(KEY_PREFIX);
	}

	NewApiKey create(AuthenticatedUser caller, String name, @Nullable Instant expiresAt) {
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new ApiKeyExpiryInPast();
		}
		String secret = newSecret();
		ApiKey key = new ApiKey(Ids.next(), name.trim(), secret.substring(0, SHOWN_CHARACTERS), now, expiresAt, null);
		store.insert(caller.id(), key, SecretHash.sha256(secret));
		return new NewApiKey(key, secret);
	}

	CursorPage<ApiKey> list(AuthenticatedUser caller, @Nullable Integer limit, @Nullable String cursor) {
		int pageSize = PageLimit.clamp(limit);
		return CursorPage.of(store.findActive(caller.id(), Cursor.decode(cursor), pageSize + 1), pageSize,
				key -> new Cursor(key.createdAt(), key.id()).encode());
	}

	void revoke(AuthenticatedUser caller, UUID keyId) {
		if (!store.revoke(caller.id(), keyId, clock.instant())) {
			throw new ApiKeyNotFound();
		}
	}

	/**
	 * The owner of a usable key. Its last use is written at most once per
	 * {@code parley.identity.api-keys.last-use-resolution}, not on every request.
	 */
	Optional<AuthenticatedUser> authenticate(String secret) {
		Instant now = clock.instant();
		return store.findUsable(SecretHash.sha256(secret), now).map(owner -> {
			Instant staleBefore = now.minus(lastUseResolution);
			if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(staleBefore)) {
				store.recordUse(owner.keyId(), now, staleBefore);
			}
			return AuthenticatedUser.withApiKey(owner.userId(), owner.role(), owner.keyId());
		});
	}

	private String newSecret() {
		byte[] bytes = new byte[KEY_BYTES];
		random.nextBytes(bytes);
		return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
