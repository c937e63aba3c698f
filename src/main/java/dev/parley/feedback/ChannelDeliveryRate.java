package dev.parley.feedback;

import java.util.UUID;

/**
 * How often a channel may deliver: the hook the platform's rate limits plug into (20 deliveries a
 * minute per channel in the seed). The email and Slack channels take one unit before each delivery;
 * without a bean of this type they are not limited.
 */
@FunctionalInterface
public interface ChannelDeliveryRate {

	/** No limit: the channels' rate when no bean of this type is declared. */
	ChannelDeliveryRate UNLIMITED = (channel, recipientId) -> {
	};

	/**
	 * Takes one delivery on {@code channel} (its {@link FeedbackChannel#name()}) to {@code recipientId}.
	 * @throws FeedbackDeliveryFailed when the channel's rate is spent; the message says until when
	 */
	void take(String channel, UUID recipientId);
}
