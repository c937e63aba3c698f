package dev.parley.ai.credentials;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.provider.ProviderCredential;
import dev.parley.platform.FieldChecks;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A user's own provider keys: add, list, change, remove, and read one back in clear for a call.
 * Every operation takes the id of the user acting and finds only what that user owns, so another
 * user's integration fails with {@link IntegrationNotFound} exactly as an unknown id does. Each
 * write is one statement that commits on its own, and the cached key is evicted only after it.
 */
@Service
class Integrations {

	private final IntegrationRepository repository;

	private final CredentialCipher cipher;

	private final IntegrationInput input;

	private final OwnKeyCache cache;

	private final Clock clock;

	Integrations(IntegrationRepository repository, CredentialCipher cipher, IntegrationInput input, OwnKeyCache cache,
			Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.input = input;
		this.cache = cache;
		this.clock = clock;
	}

	List<Integration> list(UUID userId) {
		return repository.findAllOwned(userId);
	}

	Integration get(UUID id, UUID userId) {
		return repository.findOwned(id, userId).orElseThrow(IntegrationNotFound::new);
	}

	Integration add(UUID userId, @Nullable String provider, @Nullable String apiKey, @Nullable String baseUrl,
			@Nullable String label) {
		FieldChecks checks = new FieldChecks();
		String name = checks.check(() -> input.provider(provider));
		String key = checks.check(() -> input.apiKey(apiKey));
		String url = checks.check(() -> input.baseUrl(baseUrl));
		String text = checks.check(() -> input.label(label));
		checks.throwIfAny();
		if (repository.findByProvider(userId, name).isPresent()) {
			throw new IntegrationAlreadyExists(name);
		}
		Integration integration = Integration.add(userId, name, text, url, cipher.seal(key, userId, name), key,
				clock.instant());
		try {
			integration = repository.save(integration);
		}
		catch (DataAccessException ex) {
			if (isDuplicate(ex)) {
				throw new IntegrationAlreadyExists(name);
			}
			throw ex;
		}
		cache.evict(userId, name);
		return integration;
	}

	Integration change(UUID id, UUID userId, IntegrationChanges changes) {
		Integration integration = get(id, userId);
		FieldChecks checks = new FieldChecks();
		String key = changes.apiKey() == null ? null : checks.check(() -> input.apiKey(changes.apiKey()));
		String url = changes.baseUrl() == null ? integration.baseUrl()
				: checks.check(() -> input.baseUrl(changes.baseUrl()));
		String label = changes.label() == null ? null : checks.check(() -> input.label(changes.label()));
		boolean otherProvider = changes.provider() != null
				&& !changes.provider().trim().equalsIgnoreCase(integration.provider());
		String requestedUrl = changes.baseUrl() == null ? integration.baseUrl()
				: changes.baseUrl().isBlank() ? null : changes.baseUrl().trim();
		boolean otherEndpoint = otherProvider || !Objects.equals(requestedUrl, integration.baseUrl());
		if (otherEndpoint && changes.apiKey() == null) {
			checks.refuse("api_key",
					"must be sent again to change base_url or provider: a stored key is never sent to another endpoint");
		}
		if (otherProvider) {
			checks.refuse("provider", "cannot be changed: add a key for the other provider instead");
		}
		checks.throwIfAny();
		if (changes.apiKey() != null) {
			integration.replaceKey(cipher.seal(key, userId, integration.provider()), key, clock.instant());
		}
		if (changes.baseUrl() != null) {
			integration.moveTo(url, clock.instant());
		}
		if (changes.label() != null) {
			integration.relabel(label, clock.instant());
		}
		try {
			integration = repository.save(integration);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new IntegrationChangedConcurrently();
		}
		cache.evict(userId, integration.provider());
		return integration;
	}

	void remove(UUID id, UUID userId) {
		Integration integration = get(id, userId);
		if (!repository.deleteOwned(id, userId)) {
			throw new IntegrationNotFound();
		}
		cache.evict(userId, integration.provider());
	}

	/** The user's key for a provider, decrypted, or empty when they have none. */
	Optional<ProviderCredential> ownCredential(UUID userId, String provider) {
		return repository.findByProvider(userId, provider).map(this::credential);
	}

	ProviderCredential credential(Integration integration) {
		String key = cipher.open(integration.key(), integration.userId(), integration.provider());
		return new ProviderCredential(key, integration.baseUrl());
	}

	/**
	 * Keeps the outcome of a check; when the key or endpoint changed (or the integration went)
	 * meanwhile, the outcome is about something that no longer exists and is dropped.
	 */
	Integration recordTest(Integration integration, boolean ok) {
		integration.tested(ok, clock.instant());
		try {
			return repository.save(integration);
		}
		catch (OptimisticLockingFailureException ex) {
			return get(integration.id(), integration.userId());
		}
	}

	private static boolean isDuplicate(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}
}
