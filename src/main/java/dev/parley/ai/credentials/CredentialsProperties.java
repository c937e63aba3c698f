package dev.parley.ai.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of users' own provider keys; application.yaml names the environment variable of each.
 *
 * @param encryptionKey base64 of the 32-byte key that encrypts stored keys ({@code PARLEY_ENCRYPTION_KEY});
 *     blank in development, where one is generated under the data directory
 * @param retiredEncryptionKeys earlier encryption keys, still used to read keys stored under them
 *     ({@code PARLEY_RETIRED_ENCRYPTION_KEYS}, comma separated)
 * @param allowServerKeys whether users without a key of their own may use the server's
 *     ({@code PARLEY_ALLOW_SERVER_KEYS})
 * @param providers providers a user may store a key for, besides those configured under {@code parley.ai.providers}
 * @param testModels the cheap model each provider is checked with by {@code POST /integrations/{id}/test}
 * @param testTimeout how long that check may take
 * @param cacheTtl how long a resolved key is reused before it is read again (at most a minute)
 */
@ConfigurationProperties("parley.ai.credentials")
record CredentialsProperties(String encryptionKey, @DefaultValue List<String> retiredEncryptionKeys,
		@DefaultValue("true") boolean allowServerKeys,
		@DefaultValue({ "openai", "anthropic", "gemini", "ollama", "bedrock" }) List<String> providers,
		@DefaultValue Map<String, String> testModels, @DefaultValue("10s") Duration testTimeout,
		@DefaultValue("30s") Duration cacheTtl) {

	static final Duration LONGEST_CACHE_TTL = Duration.ofMinutes(1);

	CredentialsProperties {
		if (cacheTtl.compareTo(LONGEST_CACHE_TTL) > 0) {
			throw new IllegalArgumentException("parley.ai.credentials.cache-ttl must be at most 60s: a deleted key "
					+ "must stop being used within a minute.");
		}
	}

	/** Never shows the keys, whatever prints the settings. */
	@Override
	public String toString() {
		return "CredentialsProperties[encryptionKey=***, retiredEncryptionKeys=" + retiredEncryptionKeys.size()
				+ ", allowServerKeys=" + allowServerKeys
				+ ", providers=" + providers + ", testModels=" + testModels + ", testTimeout=" + testTimeout
				+ ", cacheTtl=" + cacheTtl + "]";
	}
}
