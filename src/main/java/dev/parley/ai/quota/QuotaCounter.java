package dev.parley.ai.quota;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One counter a generation falls under: a subject's usage in one period, with the limits that apply
 * to it there and the policy each limit is reported as when exceeded.
 *
 * @param key unique per subject and period; starts with the user's id in braces (one Redis hash slot per user)
 * @param tokensLimit most tokens in the period, or {@code null}
 * @param usdMicrosLimit most micro-dollars in the period, or {@code null}
 * @param requestsLimit most requests in the period, or {@code null}
 * @param tokensPolicy how the tokens limit is reported when exceeded ({@code user:tokens_per_day}), or {@code null}
 * @param usdPolicy how the USD limit is reported ({@code role:usd_per_month}), or {@code null}
 * @param requestsPolicy how the requests limit is reported ({@code api_key:requests_per_minute}), or {@code null}
 * @param resetsAt when the period ends
 */
record QuotaCounter(String key, @Nullable Long tokensLimit, @Nullable Long usdMicrosLimit,
		@Nullable Long requestsLimit, @Nullable String tokensPolicy, @Nullable String usdPolicy,
		@Nullable String requestsPolicy, Instant resetsAt) {

	/** Counters are kept a while past their period, so that a late settlement still finds them. */
	static final Duration KEPT_AFTER_RESET = Duration.ofHours(1);

	Instant expiresAt() {
		return resetsAt.plus(KEPT_AFTER_RESET);
	}

	/** Whether generations' tokens and cost count here (the minute counters count only requests). */
	boolean countsUsage() {
		return tokensLimit != null || usdMicrosLimit != null;
	}
}
