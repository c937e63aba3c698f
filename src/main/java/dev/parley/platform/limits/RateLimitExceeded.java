package dev.parley.platform.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * A request found its bucket empty: a 429 {@code rate-limited} problem with {@code Retry-After} and the
 * {@code RateLimit} / {@code RateLimit-Policy} fields ({@link #headerFields()}). Nothing was taken.
 */
public class RateLimitExceeded extends ParleyException {

	private final RateLimitState state;

	private final Duration retryAfter;

	RateLimitExceeded(RateLimitState state, Duration retryAfter) {
		super(ProblemKind.RATE_LIMITED, state.policy().refusal());
		this.state = state;
		this.retryAfter = retryAfter;
	}

	public RateLimitState state() {
		return state;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(retryAfter);
	}

	/** The {@code RateLimit-Policy} and {@code RateLimit} fields of the refusal. */
	public Map<String, String> headerFields() {
		return RateLimitHeaders.of(List.of(state));
	}
}
