package dev.parley.ai.quota;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where quota counters live, shared by every node: PostgreSQL, or Redis when it is configured. Each
 * operation is one round trip and atomic.
 */
interface QuotaStore {

	/**
	 * Checks every counter and, when none would pass a limit, counts one request on each and holds
	 * the estimate on each until {@code holdUntil} or until {@link #settle settled}.
	 * @return the policies that would be exceeded; empty when the hold was taken
	 */
	List<String> reserve(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros, Instant now,
			Instant holdUntil);

	/** Releases the hold and adds what the generation actually used to the counters. */
	void settle(UUID hold, List<QuotaCounter> counters, long tokens, long usdMicros);

	/** What is counted, and held by generations under way, on these counters now. */
	Map<String, CounterUsage> usage(List<QuotaCounter> counters, Instant now);

	/** One counter's state; holds that lapsed are not counted. */
	record CounterUsage(long usedTokens, long usedUsdMicros, long requests, long heldTokens, long heldUsdMicros) {

		static final CounterUsage NONE = new CounterUsage(0, 0, 0, 0, 0);
	}
}
