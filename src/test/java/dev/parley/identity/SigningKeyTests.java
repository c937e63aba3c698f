package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SigningKeyTests {

	@Test
	void refusesAShortSecretKey() {
		assertThatThrownBy(() -> SigningKey.resolve(properties("too-short"), null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("at least 32 bytes");
	}

	@Test
	void usesAGivenSecretKey() {
		String secret = "a-secret-key-that-is-long-enough-for-hs256";
		assertThat(SigningKey.resolve(properties(secret), null).getEncoded()).isEqualTo(secret.getBytes());
	}

	private static IdentityProperties properties(String secretKey) {
		return new IdentityProperties(secretKey, "parley", "parley-api", Duration.ofMinutes(15), Duration.ofDays(7),
				Duration.ofSeconds(2), true, null, new IdentityProperties.PasswordHashing(19456, 2, 1, 4),
				new IdentityProperties.LoginThrottle(10, 100, Duration.ofMinutes(15)),
				new IdentityProperties.ApiKeySettings(Duration.ofMinutes(1), 32),
				new IdentityProperties.AuthCache(Duration.ofSeconds(1), 1000));
	}
}
