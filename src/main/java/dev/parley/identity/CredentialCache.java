package dev.parley.identity;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What this node read about sessions and API keys, trusted for {@code parley.identity.auth-cache.ttl}
 * (1 s): an authenticated request costs no SQL, while a revocation still holds everywhere within the
 * TTL, because no entry outlives it (expiry after write, never refreshed by use). This node forgets at
 * once what it revoked itself. Misses are remembered too (an unknown key, an ended session), so a
 * stream of bad credentials costs one query per second each, within {@code maximum-size}.
 */
@Component
class CredentialCache {

	/** A session that is not revoked: whose it is and the role the account has now. */
	record ActiveSession(UUID userId, Role role) {
	}

	/** A usable API key, with the last use this node knows of (to write it at most once a minute). */
	record UsableKey(ApiKeyStore.KeyOwner owner, AtomicReference<@Nullable Instant> lastUsedAt) {
	}

	private final Cache<UUID, Optional<ActiveSession>> sessions;

	private final Cache<String, Optional<UsableKey>> keys;

	CredentialCache(IdentityProperties properties) {
		IdentityProperties.AuthCache settings = properties.authCache();
		this.sessions = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maximumSize()).build();
		this.keys = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maximumSize()).build();
	}

	Optional<ActiveSession> session(UUID sessionId, Supplier<Optional<ActiveSession>> load) {
		return sessions.get(sessionId, id -> load.get());
	}

	Optional<UsableKey> key(byte[] keyHash, Supplier<Optional<ApiKeyStore.KeyOwner>> load) {
		return keys.get(HexFormat.of().formatHex(keyHash),
				hash -> load.get().map(owner -> new UsableKey(owner, new AtomicReference<>(owner.lastUsedAt()))));
	}

	void forgetSession(UUID sessionId) {
		sessions.invalidate(sessionId);
	}

	/** Forgets every session of the user (all of them were revoked, or the account changed). */
	void forgetSessionsOf(UUID userId) {
		sessions.asMap().values().removeIf(session -> session.isPresent() && session.get().userId().equals(userId));
	}

	/** Forgets every session and API key of the user (the account is gone). */
	void forgetUser(UUID userId) {
		forgetSessionsOf(userId);
		keys.asMap().values().removeIf(key -> key.isPresent() && key.get().owner().userId().equals(userId));
	}

	void forgetKey(UUID keyId) {
		keys.asMap().values().removeIf(key -> key.isPresent() && key.get().owner().keyId().equals(keyId));
	}
}
