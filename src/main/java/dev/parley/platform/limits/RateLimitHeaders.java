package dev.parley.platform.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The IETF rate-limit header fields of draft-ietf-httpapi-ratelimit-headers-11:
 * {@code RateLimit-Policy: "user-messages";q=30;w=60} and {@code RateLimit: "user-messages";r=12;t=40},
 * one list item per policy a request counted against.
 */
public final class RateLimitHeaders {

	public static final String POLICY = "RateLimit-Policy";

	public static final String LIMIT = "RateLimit";

	private RateLimitHeaders() {
	}

	/** The two fields for these states, in their order; empty for none. */
	public static Map<String, String> of(List<RateLimitState> states) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (!states.isEmpty()) {
			fields.put(POLICY, states.stream().map(s -> s.policy().policyItem()).collect(Collectors.joining(", ")));
			fields.put(LIMIT, states.stream().map(RateLimitState::limitItem).collect(Collectors.joining(", ")));
		}
		return fields;
	}

	/** Sets the fields on a response that has not been committed yet. */
	public static void write(HttpServletResponse response, List<RateLimitState> states) {
		of(states).forEach(response::setHeader);
	}
}
