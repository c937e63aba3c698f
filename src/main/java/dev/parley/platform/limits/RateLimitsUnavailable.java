package dev.parley.platform.limits;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * The shared bucket store (Redis) could not be reached for a policy that fails closed
 * ({@link RateLimitPolicy.OnOutage#REFUSE}): a 503 with {@code Retry-After}, never a 500.
 */
public class RateLimitsUnavailable extends ParleyException {

	RateLimitsUnavailable() {
		super(ProblemKind.UNAVAILABLE, "Limits cannot be checked right now, so nothing is generated. Try again shortly.");
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(Duration.ofSeconds(5));
	}
}
