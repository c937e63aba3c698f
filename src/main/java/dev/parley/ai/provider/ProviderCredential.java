package dev.parley.ai.provider;

import org.jspecify.annotations.Nullable;

/**
 * A key to call a provider with, in clear text only for the duration of a call.
 *
 * @param apiKey the key
 * @param baseUrl a different endpoint for the provider, or {@code null}
 */
public record ProviderCredential(@Nullable String apiKey, @Nullable String baseUrl) {

	@Override
	public String toString() {
		return "ProviderCredential[apiKey=***, baseUrl=" + baseUrl + "]";
	}
}
