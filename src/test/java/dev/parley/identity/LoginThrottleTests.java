package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import dev.parley.identity.LoginThrottle.Target;
import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimits;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties(null, "parley", "parley-api",
			Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofSeconds(2), true, null,
			new IdentityProperties.PasswordHashing(19456, 2, 1, 4),
			new IdentityProperties.LoginThrottle(3, 5, Duration.ofMinutes(15)),
			new IdentityProperties.ApiKeySettings(Duration.ofMinutes(1), 32),
				new IdentityProperties.AuthCache(Duration.ofSeconds(1), 1000)), RateLimits.inProcess());

	private final Target account = Target.account(UUID.randomUUID());

	@Test
	void refusesAnAccountPastItsGuessesFromAnyAddress() {
		for (int i = 0; i < 3; i++) {
			throttle.takeGuess(account, "10.0.0." + i);
		}
		assertThatThrownBy(() -> throttle.takeGuess(account, "10.0.0.99")).isInstanceOf(RateLimitExceeded.class)
			.satisfies(ex -> assertThat(((RateLimitExceeded) ex).retryAfter().orElseThrow()).isPositive());
		assertThatThrownBy(() -> throttle.takeGuess(account, null)).isInstanceOf(RateLimitExceeded.class);
	}

	@Test
	void normalisesAnUnknownIdentifier() {
		for (int i = 0; i < 3; i++) {
			throttle.takeGuess(Target.unknownLogin(" Ada@Example.com"), "10.0.1.1");
		}
		assertThatThrownBy(() -> throttle.takeGuess(Target.unknownLogin("ada@example.com "), "10.0.1.2"))
			.isInstanceOf(RateLimitExceeded.class);
		assertThatCode(() -> throttle.takeGuess(Target.unknownLogin("ada"), "10.0.1.2")).doesNotThrowAnyException();
	}

	@Test
	void refusesAnAddressPastItsGuessesWhateverTheAccountAndTakesNothingThen() {
		for (int i = 0; i < 5; i++) {
			throttle.takeGuess(Target.unknownLogin("account-" + i), "10.0.0.9");
		}
		assertThatThrownBy(() -> throttle.takeGuess(account, "10.0.0.9")).isInstanceOf(RateLimitExceeded.class);
		// The refused guess did not cost the account one of its three.
		for (int i = 0; i < 3; i++) {
			throttle.takeGuess(account, "10.0.0.10");
		}
	}

	@Test
	void aSuccessForgetsTheAccountsGuesses() {
		throttle.takeGuess(account, "10.0.0.3");
		throttle.takeGuess(account, "10.0.0.3");
		throttle.recordSuccess(account, "10.0.0.3");
		throttle.takeGuess(account, "10.0.0.3");
		throttle.takeGuess(account, "10.0.0.3");
		assertThatCode(() -> throttle.takeGuess(account, "10.0.0.4")).doesNotThrowAnyException();
	}

	@Test
	void successesCostAnAddressNothing() {
		for (int i = 0; i < 10; i++) {
			Target someone = Target.account(UUID.randomUUID());
			throttle.takeGuess(someone, "10.0.0.5");
			throttle.recordSuccess(someone, "10.0.0.5");
		}
		assertThatCode(() -> throttle.takeGuess(account, "10.0.0.5")).doesNotThrowAnyException();
	}
}
