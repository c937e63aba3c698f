package dev.parley.ai.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The clients of one provider by credential: a bounded, idle-expiring cache keyed by a SHA-256 of
 * the key, the base URL and whether the outbound address guard applies, so no key is kept as a map
 * key or shows up in a heap summary. Chat models ({@link CachedChatModels}) and embedding clients
 * are both kept this way.
 */
final class CachedClients<T> {

	private final BiFunction<ProviderCredential, Boolean, T> factory;

	private final Cache<Key, T> clients;

	CachedClients(BiFunction<ProviderCredential, Boolean, T> factory, int maximumSize, Duration idle) {
		this.factory = factory;
		this.clients = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
	}

	/** The client for this credential, held to the outbound address guard when {@code guarded} (a user's base URL). */
	T forCredential(ProviderCredential credential, boolean guarded) {
		return clients.get(Key.of(credential, guarded), key -> factory.apply(credential, guarded));
	}

	long size() {
		clients.cleanUp();
		return clients.estimatedSize();
	}

	private record Key(String keyHash, String baseUrl, boolean guarded) {

		static Key of(ProviderCredential credential, boolean guarded) {
			return new Key(sha256(Objects.requireNonNullElse(credential.apiKey(), "")), credential.baseUrl(), guarded);
		}

		private static String sha256(String text) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
