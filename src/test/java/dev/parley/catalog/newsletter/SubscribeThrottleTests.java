package dev.parley.catalog.newsletter;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimits;
import org.junit.jupiter.api.Test;

class SubscribeThrottleTests {

	@Test
	void refusesAnAddressPastItsLimitWhateverTheEmail() {
		SubscribeThrottle throttle = new SubscribeThrottle(new NewsletterProperties.Throttle(2, 5, Duration.ofHours(1)), RateLimits.inProcess());
		throttle.take("203.0.113.7", "a@example.com");
		throttle.take("203.0.113.7", "b@example.com");
		assertThatThrownBy(() -> throttle.take("203.0.113.7", "c@example.com"))
			.isInstanceOf(RateLimitExceeded.class);
		assertThatCode(() -> throttle.take("198.51.100.1", "c@example.com")).doesNotThrowAnyException();
	}

	@Test
	void anEmailsRefusalCostsTheAddressNothing() {
		SubscribeThrottle throttle = new SubscribeThrottle(new NewsletterProperties.Throttle(2, 1, Duration.ofHours(1)), RateLimits.inProcess());
		throttle.take("203.0.113.7", "a@example.com");
		assertThatThrownBy(() -> throttle.take("203.0.113.7", "a@example.com"))
			.isInstanceOf(RateLimitExceeded.class);
		assertThatCode(() -> throttle.take("203.0.113.7", "b@example.com")).doesNotThrowAnyException();
	}
}
