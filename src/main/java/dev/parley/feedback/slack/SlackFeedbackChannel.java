package dev.parley.feedback.slack;

import dev.parley.feedback.ChannelDeliveryRate;
import dev.parley.feedback.FeedbackChannel;
import dev.parley.feedback.FeedbackDelivery;
import dev.parley.feedback.FeedbackDeliveryFailed;
import dev.parley.identity.UserChannels;
import dev.parley.platform.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a feedback request as a Slack direct message to the recipient's Slack member id
 * ({@code chat.postMessage} with the member id as the channel opens the DM), with one button per
 * option. Requests without options are refused: a button cannot carry free text.
 */
class SlackFeedbackChannel implements FeedbackChannel {

	static final String NAME = "slack";

	private static final Logger log = LoggerFactory.getLogger(SlackFeedbackChannel.class);

	private final SlackApi api;

	private final SlackMessages messages;

	private final UserChannels userChannels;

	private final ChannelDeliveryRate rate;

	SlackFeedbackChannel(SlackApi api, SlackMessages messages, UserChannels userChannels, ChannelDeliveryRate rate) {
		this.api = api;
		this.messages = messages;
		this.userChannels = userChannels;
		this.rate = rate;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(FeedbackDelivery delivery) {
		if (!api.configured()) {
			throw new FeedbackDeliveryFailed("Slack is not configured on this server (PARLEY_SLACK_BOT_TOKEN).");
		}
		String slackUserId = slackUserId(delivery);
		var message = messages.postMessage(delivery, slackUserId);
		rate.take(NAME, delivery.recipientId());
		api.call("chat.postMessage", message);
		log.info("Posted feedback request {} to the recipient {} on Slack", delivery.requestId(), delivery.recipientId());
	}

	private String slackUserId(FeedbackDelivery delivery) {
		String slackUserId;
		try {
			slackUserId = userChannels.of(delivery.recipientId()).slackUserId();
		}
		catch (ParleyException ex) {
			throw new FeedbackDeliveryFailed("The recipient has no account any more.", ex);
		}
		if (slackUserId == null) {
			throw new FeedbackDeliveryFailed("The recipient has set no Slack member id (PUT /api/v1/users/me/channels).");
		}
		return slackUserId;
	}
}
