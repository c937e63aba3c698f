package dev.parley.ai.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The chat models of one provider by credential: one for the server's key, built once, and a
 * bounded, idle-expiring cache of those built for users' own keys. Entries are keyed by a SHA-256
 * of the key, the base URL and whether the outbound address guard applies, so no key is kept as a
 * map key or shows up in a heap summary.
 */
final class CachedChatModels {

	private final ChatModelFactory factory;

	private final Cache<Key, ChatModel> models;

	CachedChatModels(ChatModelFactory factory, int maximumSize, Duration idle) {
		this.factory = factory;
		this.models = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle).build();
	}

	/** The model for this credential, held to the outbound address guard when {@code guarded} (a user's base URL). */
	ChatModel forCredential(ProviderCredential credential, boolean guarded) {
		return models.get(Key.of(credential, guarded), key -> factory.create(credential, guarded));
	}

	long size() {
		models.cleanUp();
		return models.estimatedSize();
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
