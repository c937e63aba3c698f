package dev.parley.platform.limits;

/**
 * What a key has left of a policy after a request took from it.
 *
 * @param policy the policy
 * @param remaining tokens left in the window
 * @param resetSeconds seconds until the bucket is full again
 */
public record RateLimitState(RateLimitPolicy policy, long remaining, long resetSeconds) {

	/** The state as an item of the {@code RateLimit} field (draft-ietf-httpapi-ratelimit-headers-11). */
	String limitItem() {
		return "\"" + policy.name() + "\";r=" + Math.max(0, remaining) + ";t=" + Math.max(0, resetSeconds);
	}
}
