package dev.parley.ai.credentials;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.EchoProvider;
import dev.parley.ai.provider.ProviderCredential;
import dev.parley.ai.provider.ProviderRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which key a provider call is made with: the user's own, when they stored one for the provider,
 * else the server's ({@code null} credential) when the server lends it ({@code PARLEY_ALLOW_SERVER_KEYS}),
 * else nothing, and the call is refused with {@link OwnKeyRequired}. Development providers
 * ({@code local}) need no key at all. Resolved keys are cached briefly (see {@link OwnKeyCache}).
 */
@Service
public class CredentialResolver {

	private static final Logger log = LoggerFactory.getLogger(CredentialResolver.class);

	private static final Resolved SERVER_KEY = new Resolved(null, KeySource.SERVER);

	private final Integrations integrations;

	private final OwnKeyCache cache;

	private final ProviderRegistry providers;

	private final boolean allowServerKeys;

	CredentialResolver(Integrations integrations, OwnKeyCache cache, ProviderRegistry providers,
			CredentialsProperties properties) {
		this.integrations = integrations;
		this.cache = cache;
		this.providers = providers;
		this.allowServerKeys = properties.allowServerKeys();
	}

	/**
	 * The credential to call {@code provider} with on behalf of {@code userId}.
	 * @param userId the user the call is for; {@code null} for work the server does on its own,
	 *     which uses the server's key
	 * @param provider the provider part of the model id ({@code openai})
	 * @throws OwnKeyRequired when the user has no key of their own and the server lends none
	 * @throws StoredKeyUnreadable when the user's stored key cannot be decrypted
	 */
	public Resolved resolve(@Nullable UUID userId, String provider) {
		Objects.requireNonNull(provider, "provider");
		if (needsNoKey(provider) || userId == null) {
			return SERVER_KEY;
		}
		Optional<ProviderCredential> own;
		try {
			own = cache.get(userId, provider, () -> integrations.ownCredential(userId, provider));
		}
		catch (StoredKeyUnreadable ex) {
			log.warn("The stored {} key of user {} cannot be decrypted: was PARLEY_ENCRYPTION_KEY changed "
					+ "without keeping the old one in PARLEY_RETIRED_ENCRYPTION_KEYS?", provider, userId);
			throw ex;
		}
		if (own.isPresent()) {
			return new Resolved(own.get(), KeySource.OWN);
		}
		if (allowServerKeys) {
			return SERVER_KEY;
		}
		throw new OwnKeyRequired(provider);
	}

	private boolean needsNoKey(String provider) {
		return EchoProvider.ID.equals(provider)
				|| providers.find(provider).map(ChatProvider::development).orElse(false);
	}

	/**
	 * A resolved key.
	 *
	 * @param credential the user's key and endpoint, or {@code null} for the server's own
	 * @param source whose key it is, for usage metering
	 */
	public record Resolved(@Nullable ProviderCredential credential, KeySource source) {
	}
}
