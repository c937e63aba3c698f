package dev.parley.platform.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;

/**
 * Buckets in this process (Bucket4j core), in a bounded Caffeine map. A bucket left alone for its
 * policy's window is full again, so it is dropped then: forgetting it changes nothing.
 */
final class LocalBuckets implements BucketStore {

	private record Entry(Bucket bucket, Duration window) {
	}

	private final Cache<String, Entry> buckets;

	LocalBuckets(long maximumSize) {
		this.buckets = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Entry>() {
			@Override
			public long expireAfterCreate(String key, Entry entry, long currentTime) {
				return entry.window().toNanos();
			}

			@Override
			public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
				return entry.window().toNanos();
			}

			@Override
			public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
				return entry.window().toNanos();
			}
		}).build();
	}

	@Override
	public Bucket bucket(RateLimitPolicy policy, String key) {
		return buckets.get(policy.bucketKey(key), k -> new Entry(Bucket.builder()
			.addLimit(limit -> limit.capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.window()))
			.build(), policy.window())).bucket();
	}
}
