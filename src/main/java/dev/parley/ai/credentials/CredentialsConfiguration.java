package dev.parley.ai.credentials;

import java.util.List;

import dev.parley.platform.DevelopmentSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The cipher for stored provider keys, under {@code PARLEY_ENCRYPTION_KEY} or, in development, a key
 * generated once under the data directory (a production server refuses to start without one).
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

	static final String SETTING = "PARLEY_ENCRYPTION_KEY";

	@Bean
	CredentialCipher credentialCipher(CredentialsProperties properties, DevelopmentSecrets developmentSecrets) {
		return new CredentialCipher(keyRing(properties, developmentSecrets));
	}

	static KeyRing keyRing(CredentialsProperties properties, DevelopmentSecrets developmentSecrets) {
		byte[] current = StringUtils.hasText(properties.encryptionKey())
				? KeyRing.decode(properties.encryptionKey(), SETTING)
				: developmentSecrets.obtain("encryption-key", KeyRing.KEY_BYTES, SETTING);
		List<byte[]> retired = properties.retiredEncryptionKeys()
			.stream()
			.filter(StringUtils::hasText)
			.map(key -> KeyRing.decode(key, "PARLEY_RETIRED_ENCRYPTION_KEYS"))
			.toList();
		return KeyRing.of(current, retired);
	}
}
