package dev.parley.ai.credentials;

/**
 * What a PATCH changes; an absent ({@code null}) field stays as it is, a blank label or base URL is cleared.
 *
 * @param apiKey a new key for the same provider
 * @param label a new label
 * @param baseUrl a new endpoint
 */
record IntegrationChanges(String apiKey, String label, String baseUrl) {

	@Override
	public String toString() {
		return "IntegrationChanges[apiKey=" + (apiKey == null ? "unchanged" : "***") + ", label=" + label
				+ ", baseUrl=" + baseUrl + "]";
	}
}
