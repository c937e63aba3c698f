package dev.parley.ai.credentials;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.ai.provider.ProviderCredential;
import org.springframework.stereotype.Component;

/**
 * Users' decrypted keys, and the fact that they have none, for a short while
 * ({@code parley.ai.credentials.cache-ttl}, at most a minute), so a busy user does not cost a
 * database read and a decryption per call. This node forgets an entry as soon as the key is
 * changed or deleted here; other nodes within the time to live.
 */
@Component
class OwnKeyCache {

	private final Cache<Entry, Optional<ProviderCredential>> cache;

	OwnKeyCache(CredentialsProperties properties) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
	}

	Optional<ProviderCredential> get(UUID userId, String provider, Supplier<Optional<ProviderCredential>> load) {
		return cache.get(new Entry(userId, provider), entry -> load.get());
	}

	/** Call after the change is committed, so a concurrent read cannot put the old key back. */
	void evict(UUID userId, String provider) {
		cache.invalidate(new Entry(userId, provider));
	}

	private record Entry(UUID userId, String provider) {
	}
}
