package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties(null, "parley", "parley-api",
			Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofSeconds(2), true, null,
			new IdentityProperties.PasswordHashing(19456, 2, 1, 4),
			new IdentityProperties.LoginThrottle(3, 5, Duration.ofMinutes(15)),
			new IdentityProperties.ApiKeySettings(Duration.ofMinutes(1))));

	@Test
	void refusesAnAccountPastItsFailures() {
		for (int i = 0; i < 3; i++) {
			throttle.recordFailure("Ada@Example.com", "10.0.0.1");
		}
		assertThatThrownBy(() -> throttle.checkAllowed("ada@example.com", "10.0.0.2"))
			.isInstanceOf(TooManyLoginAttempts.class)
			.satisfies(ex -> org.assertj.core.api.Assertions
				.assertThat(((TooManyLoginAttempts) ex).retryAfter().orElseThrow()).isPositive());
	}

	@Test
	void refusesAnAddressPastItsFailuresWhateverTheAccount() {
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure("account-" + i, "10.0.0.9");
		}
		assertThatThrownBy(() -> throttle.checkAllowed("someone-new", "10.0.0.9"))
			.isInstanceOf(TooManyLoginAttempts.class);
		assertThatCode(() -> throttle.checkAllowed("someone-new", "10.0.0.10")).doesNotThrowAnyException();
	}

	@Test
	void aSuccessForgetsTheAccountsFailures() {
		throttle.recordFailure("grace", "10.0.0.3");
		throttle.recordFailure("grace", "10.0.0.3");
		throttle.recordSuccess("grace");
		throttle.recordFailure("grace", "10.0.0.3");
		throttle.recordFailure("grace", "10.0.0.3");
		assertThatCode(() -> throttle.checkAllowed("grace", "10.0.0.4")).doesNotThrowAnyException();
	}
}
