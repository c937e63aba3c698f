package dev.parley.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * A generation would take its caller past a quota an admin set: a 429 problem {@code quota-exceeded}
 * whose {@code violated-policies} name each limit ({@code user:tokens_per_day}, {@code
 * api_key:requests_per_minute} ...), with {@code Retry-After} until the last of their periods resets.
 */
public class QuotaExceeded extends ParleyException {

	private final List<String> violatedPolicies;

	private final Duration retryAfter;

	public QuotaExceeded(List<String> violatedPolicies, Duration retryAfter) {
		super(ProblemKind.QUOTA_EXCEEDED, "This request would exceed your quota (" + String.join(", ", violatedPolicies)
				+ "); try again when it resets.");
		this.violatedPolicies = List.copyOf(violatedPolicies);
		this.retryAfter = retryAfter;
	}

	public List<String> violatedPolicies() {
		return violatedPolicies;
	}

	@Override
	public Map<String, Object> extensions() {
		return Map.of("violated-policies", violatedPolicies);
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(retryAfter);
	}
}
