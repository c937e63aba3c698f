package dev.parley.catalog.newsletter;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;

/**
 * Limits subscription requests per client address and per email (Bucket4j token buckets, as the
 * login throttle does): a request takes one from each bucket and is refused with 429 while either
 * is empty. A refused request takes nothing. Buckets live in this process: a brake on mail bombing
 * through our server, not a quota.
 */
final class SubscribeThrottle {

	private final Cache<String, Bucket> addresses;

	private final Cache<String, Bucket> emails;

	private final NewsletterProperties.Throttle limits;

	SubscribeThrottle(NewsletterProperties.Throttle limits) {
		this.limits = limits;
		this.addresses = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
		this.emails = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
	}

	/** @throws TooManySubscribeRequests when the address or the email has no request left */
	void take(@Nullable String address, String email) {
		Bucket emailBucket = emails.get(email, key -> bucket(limits.perEmail()));
		if (address != null) {
			take(addresses.get(address, key -> bucket(limits.perAddress())));
		}
		try {
			take(emailBucket);
		}
		catch (TooManySubscribeRequests ex) {
			if (address != null) {
				addresses.get(address, key -> bucket(limits.perAddress())).addTokens(1);
			}
			throw ex;
		}
	}

	private static void take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManySubscribeRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket bucket(int requests) {
		return Bucket.builder().addLimit(limit -> limit.capacity(requests).refillGreedy(requests, limits.window())).build();
	}
}
