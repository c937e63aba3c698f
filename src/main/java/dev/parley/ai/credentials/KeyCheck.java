package dev.parley.ai.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import dev.parley.ai.AiProperties;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderCredential;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;

/**
 * Checks a key against its provider with the smallest real call: a one-token answer from a cheap
 * model, within a short timeout. Says only whether the provider took the key and, if not, what
 * kind of failure it was; neither the provider's answer nor the key is ever repeated.
 */
@Component
class KeyCheck {

	private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

	private final ProviderRegistry providers;

	private final CredentialsProperties properties;

	private final AiProperties aiProperties;

	KeyCheck(ProviderRegistry providers, CredentialsProperties properties, AiProperties aiProperties) {
		this.providers = providers;
		this.properties = properties;
		this.aiProperties = aiProperties;
	}

	/** The outcome of a check: whether the key works, and a reason safe to show when it does not. */
	record Outcome(boolean ok, @Nullable String reason) {
	}

	Outcome check(String provider, ProviderCredential credential) {
		ChatProvider chat = providers.find(provider)
			.filter(found -> !found.development())
			.orElseThrow(() -> ProviderNotAvailable.notEnabled(provider));
		String model = testModel(provider).orElseThrow(() -> ProviderNotAvailable.noTestModel(provider));
		ProviderCall call = new ProviderCall(model, List.of(PromptMessage.user("Reply with OK.")), null, 1, credential,
				false);
		Duration timeout = properties.testTimeout();
		try {
			chat.stream(call).then().timeout(timeout).block();
			return new Outcome(true, null);
		}
		catch (RuntimeException ex) {
			Throwable failure = Exceptions.unwrap(ex);
			// Only the type: messages of arbitrary client exceptions may hold URLs with keys in them.
			log.info("Checking a {} key failed: {}", provider, failure.getClass().getSimpleName());
			return new Outcome(false, reason(failure, timeout));
		}
	}

	/** The configured test model, else the first model of the provider in the catalogue. */
	private Optional<String> testModel(String provider) {
		String configured = properties.testModels().get(provider);
		if (configured != null && !configured.isBlank()) {
			return Optional.of(configured.trim());
		}
		String prefix = provider + "/";
		return aiProperties.models()
			.stream()
			.map(AiProperties.CatalogueEntry::id)
			.filter(id -> id != null && id.startsWith(prefix) && id.length() > prefix.length())
			.map(id -> id.substring(prefix.length()))
			.findFirst();
	}

	private static String reason(Throwable failure, Duration timeout) {
		if (failure instanceof TimeoutException) {
			long millis = timeout.toMillis();
			return "the provider did not answer within " + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
		}
		if (!(failure instanceof ProviderError error)) {
			return "the call to the provider failed";
		}
		int status = error.status();
		if (status == 401 || status == 403) {
			return "the provider refused the key (HTTP " + status + ")";
		}
		if (status == 429) {
			return "the provider is rate limiting this key (HTTP 429)";
		}
		if (status == 0) {
			return "the provider could not be reached";
		}
		return status >= 500 ? "the provider failed (HTTP " + status + ")"
				: "the provider refused the request (HTTP " + status + ")";
	}
}
