package dev.parley.catalog.newsletter;

import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimitPolicy;
import dev.parley.platform.limits.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * Limits subscription requests per client address and per email, in buckets of the platform's
 * {@link RateLimits} (as the login throttle does): a request takes one from each bucket and is
 * refused with 429 while either is empty. A refused request takes nothing. A brake on mail bombing
 * through our server, not a quota: while Redis is away the buckets count on each node.
 */
final class SubscribeThrottle {

	private static final String REFUSAL = "Too many subscription requests. Try again later.";

	private final RateLimits limits;

	private final RateLimitPolicy perAddress;

	private final RateLimitPolicy perEmail;

	SubscribeThrottle(NewsletterProperties.Throttle settings, RateLimits limits) {
		this.limits = limits;
		this.perAddress = new RateLimitPolicy("subscribe-address", settings.perAddress(), settings.window(),
				RateLimitPolicy.OnOutage.COUNT_LOCALLY, REFUSAL);
		this.perEmail = new RateLimitPolicy("subscribe-email", settings.perEmail(), settings.window(),
				RateLimitPolicy.OnOutage.COUNT_LOCALLY, REFUSAL);
	}

	/** @throws RateLimitExceeded when the address or the email has no request left */
	void take(@Nullable String address, String email) {
		if (address != null) {
			limits.consume(perAddress, address);
		}
		try {
			limits.consume(perEmail, email);
		}
		catch (RateLimitExceeded ex) {
			if (address != null) {
				limits.giveBack(perAddress, address, 1);
			}
			throw ex;
		}
	}
}
