package dev.parley.ai.credentials;

import org.jspecify.annotations.Nullable;

/**
 * What a PATCH changes; an absent ({@code null}) field stays as it is, a blank label or base URL is
 * cleared. A stored key never follows a change of endpoint: a new base URL (or provider) needs the
 * key in the same request.
 *
 * @param apiKey a new key for the same provider
 * @param label a new label
 * @param baseUrl a new endpoint
 * @param provider the provider, which cannot be changed; sent only by clients echoing it back
 */
record IntegrationChanges(@Nullable String apiKey, @Nullable String label, @Nullable String baseUrl,
		@Nullable String provider) {

	@Override
	public String toString() {
		return "IntegrationChanges[apiKey=" + (apiKey == null ? "unchanged" : "***") + ", label=" + label
				+ ", baseUrl=" + baseUrl + ", provider=" + provider + "]";
	}
}
