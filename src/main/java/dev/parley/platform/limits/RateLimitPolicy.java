package dev.parley.platform.limits;

import java.time.Duration;

/**
 * A rate limit: at most {@code capacity} tokens per {@code window} for each key (a user, a session, an
 * address ...), refilled greedily (a token bucket). Policies are values: modules build their own
 * (per API key, say) or take the configured ones from {@link RateLimitPolicies}.
 *
 * @param name the policy's name in the {@code RateLimit} header fields and in bucket keys; a token
 *     ({@code user-messages}), the same on every node
 * @param capacity how many tokens a key may take per window
 * @param window how long a full bucket takes to refill
 * @param onOutage what happens while the shared bucket store (Redis) cannot be reached
 * @param refusal the detail of the 429 problem, safe to show
 */
public record RateLimitPolicy(String name, long capacity, Duration window, OnOutage onOutage, String refusal) {

	public RateLimitPolicy {
		if (capacity < 1) {
			throw new IllegalArgumentException("A rate limit needs a capacity of at least 1, not " + capacity);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a positive window, not " + window);
		}
		if (!name.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("A rate limit's name is lower-case letters, digits and dashes: " + name);
		}
	}

	/**
	 * The behaviour documented in the README's "Limits": limits on reading and signing in fail open
	 * to the node's own buckets, limits on generation fail closed (503), and neither is ever a 500.
	 */
	public enum OnOutage {

		/** Counted in this node's own buckets while the shared store is away: a limit per node, not none. */
		COUNT_LOCALLY,

		/** Refused with 503 while the shared store is away: nothing is generated that could not be counted. */
		REFUSE

	}

	/** The policy as an item of the {@code RateLimit-Policy} field (draft-ietf-httpapi-ratelimit-headers-11). */
	String policyItem() {
		return "\"" + name + "\";q=" + capacity + ";w=" + Math.max(1, window.toSeconds());
	}

	/** The bucket of this policy for {@code key}; a changed capacity or window is a new bucket. */
	String bucketKey(String key) {
		return "parley:limits:" + name + ":" + capacity + "/" + window.toMillis() + ":" + key;
	}
}
