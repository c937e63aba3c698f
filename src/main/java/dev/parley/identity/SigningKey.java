package dev.parley.identity;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.DevelopmentSecrets;
import dev.parley.platform.MissingSecret;
import org.springframework.util.StringUtils;

/** The HMAC-SHA256 key access tokens are signed with: {@code SECRET_KEY}, or a development key. */
final class SigningKey {

	static final int MIN_BYTES = 32;

	private SigningKey() {
	}

	static SecretKey resolve(IdentityProperties properties, DevelopmentSecrets developmentSecrets) {
		byte[] key;
		if (StringUtils.hasText(properties.secretKey())) {
			key = properties.secretKey().getBytes(StandardCharsets.UTF_8);
			if (key.length < MIN_BYTES) {
				throw new MissingSecret("SECRET_KEY",
						"SECRET_KEY is " + key.length + " bytes long; it must be at least " + MIN_BYTES + " bytes.");
			}
		}
		else {
			key = developmentSecrets.obtain("token-signing-key", 64, "SECRET_KEY");
		}
		return new SecretKeySpec(key, "HmacSHA256");
	}
}
