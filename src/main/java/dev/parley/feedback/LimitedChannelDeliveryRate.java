package dev.parley.feedback;

import java.util.UUID;

import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimitPolicies;
import dev.parley.platform.limits.RateLimits;
import dev.parley.platform.limits.RateLimitsUnavailable;
import org.springframework.stereotype.Component;

/**
 * The channels' delivery rate from the platform's rate limits: the policy {@code channel-messages}
 * (20 a minute by default) per channel and recipient, shared across nodes when Redis is configured.
 * A spent rate, or limits that cannot be checked, fails the delivery, which the request records;
 * its other channels still deliver.
 */
@Component
class LimitedChannelDeliveryRate implements ChannelDeliveryRate {

	private final RateLimits limits;

	private final RateLimitPolicies policies;

	LimitedChannelDeliveryRate(RateLimits limits, RateLimitPolicies policies) {
		this.limits = limits;
		this.policies = policies;
	}

	@Override
	public void take(String channel, UUID recipientId) {
		try {
			limits.consume(policies.channelMessages(), channel + ":" + recipientId);
		}
		catch (RateLimitExceeded spent) {
			throw new FeedbackDeliveryFailed("The " + channel + " channel has sent this person as many requests as it may "
					+ "for now" + spent.retryAfter().map(wait -> "; it may again in " + wait.toSeconds() + " s").orElse(""));
		}
		catch (RateLimitsUnavailable unavailable) {
			throw new FeedbackDeliveryFailed("The " + channel + " channel's rate could not be checked (Redis is down)");
		}
	}
}
