package dev.parley.platform.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one rate-limit mechanism: takes tokens from the bucket of a {@link RateLimitPolicy} and a key.
 * Buckets live in Redis when Redis is configured, so a limit spent on one node holds on every other,
 * and in this process otherwise. While Redis cannot be reached, a policy that
 * {@link RateLimitPolicy.OnOutage#COUNT_LOCALLY counts locally} goes on in this node's own buckets and
 * one that {@link RateLimitPolicy.OnOutage#REFUSE refuses} fails with {@link RateLimitsUnavailable}
 * (503); after a failure Redis is left alone for {@code parley.platform.limits.redis-retry}, so an
 * outage costs each request nothing but that decision.
 */
@Service
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	private final LocalBuckets local;

	private final @Nullable BucketStore shared;

	private final long retryNanos;

	private final AtomicLong sharedDownUntil = new AtomicLong(System.nanoTime());

	private volatile boolean sharedReachable = true;

	@Autowired
	RateLimits(LimitsProperties properties, ObjectProvider<BucketStore> shared) {
		this(new LocalBuckets(properties.localBuckets()), shared.getIfAvailable(), properties.redisRetry());
	}

	private RateLimits(LocalBuckets local, @Nullable BucketStore shared, Duration retry) {
		this.local = local;
		this.shared = shared;
		this.retryNanos = retry.toNanos();
	}

	/** Limits in this process only, for objects built by hand (unit tests). */
	public static RateLimits inProcess() {
		return new RateLimits(new LocalBuckets(10_000), null, Duration.ofSeconds(1));
	}

	/** Takes one token; see {@link #consume(RateLimitPolicy, String, long)}. */
	public RateLimitState consume(RateLimitPolicy policy, String key) {
		return consume(policy, key, 1);
	}

	/**
	 * Takes {@code tokens} (at most the policy's capacity: a larger request waits for a full bucket)
	 * from the bucket of {@code key}, or nothing.
	 * @throws RateLimitExceeded when the bucket has fewer; nothing is taken then
	 * @throws RateLimitsUnavailable when Redis cannot be reached and the policy refuses then
	 */
	public RateLimitState consume(RateLimitPolicy policy, String key, long tokens) {
		long wanted = Math.max(1, Math.min(tokens, policy.capacity()));
		ConsumptionProbe probe = call(policy, key, bucket -> bucket.tryConsumeAndReturnRemaining(wanted));
		RateLimitState state = new RateLimitState(policy, probe.getRemainingTokens(),
				seconds(probe.getNanosToWaitForReset()));
		if (!probe.isConsumed()) {
			throw new RateLimitExceeded(state, Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		return state;
	}

	/** Gives tokens back (a guess that proved right); never more than the capacity. Best effort. */
	public void giveBack(RateLimitPolicy policy, String key, long tokens) {
		quietly(policy, key, bucket -> {
			bucket.addTokens(tokens);
			return null;
		});
	}

	/** Fills the bucket of {@code key} again, as if it had never been used. Best effort. */
	public void forget(RateLimitPolicy policy, String key) {
		quietly(policy, key, bucket -> {
			bucket.reset();
			return null;
		});
	}

	private void quietly(RateLimitPolicy policy, String key, Function<Bucket, @Nullable Void> operation) {
		try {
			call(policy, key, operation);
		}
		catch (RateLimitsUnavailable ex) {
			// Nothing to give back to while the store is away; the bucket refills by itself.
		}
	}

	private <T> T call(RateLimitPolicy policy, String key, Function<Bucket, T> operation) {
		BucketStore store = shared;
		if (store == null) {
			return operation.apply(local.bucket(policy, key));
		}
		if (System.nanoTime() - sharedDownUntil.get() < 0) {
			return whileSharedIsAway(policy, key, operation);
		}
		T result;
		try {
			result = operation.apply(store.bucket(policy, key));
		}
		catch (RuntimeException ex) {
			sharedDownUntil.set(System.nanoTime() + retryNanos);
			if (sharedReachable) {
				sharedReachable = false;
				log.warn("Rate limits cannot reach Redis ({}); generation is refused and other limits count on this node",
						ex.toString());
			}
			return whileSharedIsAway(policy, key, operation);
		}
		if (!sharedReachable) {
			sharedReachable = true;
			log.info("Rate limits reach Redis again");
		}
		return result;
	}

	private <T> T whileSharedIsAway(RateLimitPolicy policy, String key, Function<Bucket, T> operation) {
		if (policy.onOutage() == RateLimitPolicy.OnOutage.REFUSE) {
			throw new RateLimitsUnavailable();
		}
		return operation.apply(local.bucket(policy, key));
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}
}
