package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PasswordHasherTests {

	private final PasswordHasher hasher = new PasswordHasher(new IdentityProperties(null, "parley", "parley-api",
			Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofSeconds(2), true, null,
			new IdentityProperties.PasswordHashing(19456, 2, 1, 2),
			new IdentityProperties.LoginThrottle(10, 100, Duration.ofMinutes(15)),
			new IdentityProperties.ApiKeySettings(Duration.ofMinutes(1), 32),
				new IdentityProperties.AuthCache(Duration.ofSeconds(1), 1000)));

	@Test
	void hashesWithArgon2idAndTheConfiguredCost() {
		String hash = hasher.hash("correct horse battery staple");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void saltsEveryHash() {
		assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
	}

	@Test
	void verifiesOnlyTheRightPassword() {
		String hash = hasher.hash("correct horse battery staple");
		assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
		assertThat(hasher.matches("Correct horse battery staple", hash)).isFalse();
		assertThat(hasher.matchesNothing("correct horse battery staple")).isFalse();
	}
}
