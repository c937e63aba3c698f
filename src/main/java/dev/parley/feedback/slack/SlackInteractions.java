package dev.parley.feedback.slack;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import dev.parley.feedback.FeedbackDeliveryFailed;
import dev.parley.feedback.FeedbackInbox;
import dev.parley.feedback.FeedbackInbox.AnswerOutcome;
import dev.parley.identity.UserChannels;
import dev.parley.platform.ParleyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What a verified Slack callback does: a press on one of our buttons answers its request as the
 * person it was sent to, when the Slack user who pressed it is the one it was sent to and still the
 * person's Slack member id. The inbox keeps the first answer; a duplicate callback (Slack retries)
 * is recorded and refused there. After the first answer the message loses its buttons
 * ({@code chat.update}, on another thread, so that Slack hears back at once).
 */
class SlackInteractions {

	private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

	private final SlackMessages messages;

	private final SlackApi api;

	private final UserChannels userChannels;

	private final FeedbackInbox inbox;

	private final ExecutorService updates;

	SlackInteractions(SlackMessages messages, SlackApi api, UserChannels userChannels, FeedbackInbox inbox,
			ExecutorService updates) {
		this.messages = messages;
		this.api = api;
		this.userChannels = userChannels;
		this.inbox = inbox;
		this.updates = updates;
	}

	/** Handles one interaction payload; empty when it was not a press on one of our buttons. */
	Optional<AnswerOutcome> handle(JsonNode payload) {
		if (!"block_actions".equals(payload.path("type").asString(""))) {
			return Optional.empty();
		}
		Optional<SlackMessages.ButtonValue> pressed = messages.value(payload.path("actions").path(0));
		if (pressed.isEmpty()) {
			return Optional.empty();
		}
		SlackMessages.ButtonValue value = pressed.get();
		String pressedBy = payload.path("user").path("id").asString("");
		if (!pressedBy.equals(value.slackUserId()) || !pressedBy.equals(currentSlackUserId(value.recipientId()))) {
			throw new SlackAnswerRefused();
		}
		AnswerOutcome outcome = inbox.answer(value.requestId(), value.recipientId(), SlackFeedbackChannel.NAME,
				value.answer());
		log.info("Slack answer to feedback request {}: {}", value.requestId(), outcome);
		if (outcome == AnswerOutcome.ACCEPTED) {
			showAnswered(payload, value, pressedBy);
		}
		return Optional.of(outcome);
	}

	private @Nullable String currentSlackUserId(UUID recipientId) {
		try {
			return userChannels.of(recipientId).slackUserId();
		}
		catch (ParleyException ex) {
			return null;
		}
	}

	private void showAnswered(JsonNode payload, SlackMessages.ButtonValue value, String pressedBy) {
		String channel = payload.path("container").path("channel_id").asString("");
		String ts = payload.path("container").path("message_ts").asString("");
		if (channel.isEmpty() || ts.isEmpty()) {
			return;
		}
		String question = payload.path("message").path("text").asString("");
		updates.execute(() -> {
			try {
				api.call("chat.update", messages.answered(channel, ts, question, value.answer(), pressedBy));
			}
			catch (FeedbackDeliveryFailed ex) {
				log.warn("The Slack message of feedback request {} could not be updated: {}", value.requestId(),
						ex.getMessage());
			}
		});
	}
}
