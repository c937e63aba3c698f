package dev.parley.ai.credentials;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks and normalisations of what a user sends for an integration, beyond the sizes the
 * request records declare: names are trimmed and lower-cased, keys stripped of the blanks a copy
 * and paste adds, and blank optional fields become absent.
 */
@Component
class IntegrationInput {

	static final int MAX_KEY_LENGTH = 500;

	static final int MAX_LABEL_LENGTH = 100;

	private final KeyableProviders providers;

	private final BaseUrlRule baseUrlRule;

	IntegrationInput(KeyableProviders providers, BaseUrlRule baseUrlRule) {
		this.providers = providers;
		this.baseUrlRule = baseUrlRule;
	}

	String provider(@Nullable String provider) {
		String name = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
		if (!providers.contains(name)) {
			throw new InvalidIntegration("provider", "must be one of " + String.join(", ", providers.names()));
		}
		return name;
	}

	String apiKey(@Nullable String apiKey) {
		String key = apiKey == null ? "" : apiKey.strip();
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			throw new InvalidIntegration("api_key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
		}
		if (key.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new InvalidIntegration("api_key", "must not contain spaces or control characters");
		}
		return key;
	}

	@Nullable String label(@Nullable String label) {
		String text = blankToNull(label);
		if (text != null && text.length() > MAX_LABEL_LENGTH) {
			throw new InvalidIntegration("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
		}
		return text;
	}

	@Nullable String baseUrl(@Nullable String baseUrl) {
		String url = blankToNull(baseUrl);
		if (url != null) {
			baseUrlRule.problem(url).ifPresent(reason -> {
				throw new InvalidIntegration("base_url", reason);
			});
		}
		return url;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
