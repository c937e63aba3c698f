package dev.parley.platform.limits;

import io.github.bucket4j.Bucket;

/** Where the buckets of the rate limits live: this process, or a store every node shares (Redis). */
interface BucketStore {

	/**
	 * The bucket of {@code policy} for {@code key}, created full when it does not exist. Calls on a
	 * shared store's bucket may fail with any runtime exception while the store cannot be reached.
	 */
	Bucket bucket(RateLimitPolicy policy, String key);
}
