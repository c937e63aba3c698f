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

	private final CredentialCache cache;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiKeys(ApiKeyStore store, IdentityProperties properties, CredentialCache cache, Clock clock) {
		this.store = store;
		this.lastUseResolution = properties.apiKeys().lastUseResolution();
		this.cache = cache;
		this.clock = clock;
	}

	/** Whether a bearer value is meant as an API key rather than an access token. */
	static boolean looksLikeKey(@Nullable String bearer) {
		return bearer != null && bearer.startsWith(KEY_PREFIX);
	}

	NewApiKey create(AuthenticatedUser caller, String name, @Nullable Instant expiresAt, ApiKeyLimitChanges limits) {
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new ApiKeyExpiryInPast();
		}
		UUID id = Ids.next();
		ApiKeyLimits checked = limits.applyTo(new ApiKeyLimits(id, null, null, null, null));
		String secret = newSecret();
		ApiKey key = new ApiKey(id, name.trim(), secret.substring(0, SHOWN_CHARACTERS), now, expiresAt, null, checked);
		store.insert(caller.id(), key, SecretHash.sha256(secret));
		return new NewApiKey(key, secret);
	}

	CursorPage<ApiKey> list(AuthenticatedUser caller, @Nullable Integer limit, @Nullable String cursor) {
		int pageSize = PageLimit.clamp(limit);
		return CursorPage.of(store.findActive(caller.id(), Cursor.decode(cursor), pageSize + 1), pageSize,
				key -> new Cursor(key.createdAt(), key.id()).encode());
	}

	ApiKey get(AuthenticatedUser caller, UUID keyId) {
		return store.find(caller.id(), keyId).orElseThrow(ApiKeyNotFound::new);
	}

	/** Renames a key (when {@code name} is given) and changes its limits; requests see them within a second. */
	ApiKey update(AuthenticatedUser caller, UUID keyId, @Nullable String name, ApiKeyLimitChanges limits) {
		ApiKey key = get(caller, keyId);
		ApiKeyLimits changed = limits.applyTo(key.limits());
		String newName = name == null || name.isBlank() ? key.name() : name.trim();
		if (!store.update(caller.id(), keyId, newName, changed)) {
			throw new ApiKeyNotFound();
		}
		cache.forgetKey(keyId);
		return get(caller, keyId);
	}

	void revoke(AuthenticatedUser caller, UUID keyId) {
		if (!store.revoke(caller.id(), keyId, clock.instant())) {
			throw new ApiKeyNotFound();
		}
		cache.forgetKey(keyId);
	}

	/**
	 * The owner and limits of a usable key, as this node read them at most
	 * {@code parley.identity.auth-cache.ttl} ago. Its last use is written at most once per
	 * {@code parley.identity.api-keys.last-use-resolution}, not on every request.
	 */
	Optional<ApiKeyStore.KeyOwner> authenticate(String secret) {
		Instant now = clock.instant();
		byte[] hash = SecretHash.sha256(secret);
		return cache.key(hash, () -> store.findUsable(hash, now))
			.filter(key -> key.owner().usableAt(now))
			.map(key -> {
				Instant staleBefore = now.minus(lastUseResolution);
				Instant lastUse = key.lastUsedAt().get();
				if ((lastUse == null || lastUse.isBefore(staleBefore)) && key.lastUsedAt().compareAndSet(lastUse, now)) {
					store.recordUse(key.owner().keyId(), now, staleBefore);
				}
				return key.owner();
			});
	}

	private String newSecret() {
		byte[] bytes = new byte[KEY_BYTES];
		random.nextBytes(bytes);
		return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
