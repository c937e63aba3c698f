package dev.parley.feedback.slack;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.feedback.FeedbackDelivery;
import dev.parley.feedback.FeedbackDeliveryFailed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Block Kit of a feedback request: the question, its context, and one button per option whose
 * value names the request, the person it was sent to (in Parley and on Slack) and the option. Slack
 * hands the value back, signed, when the button is pressed; nobody can change it on the way.
 */
final class SlackMessages {

	/** The {@code action_id} of our buttons starts with this. */
	static final String ACTION_PREFIX = "parley_feedback_";

	private static final int MAX_VALUE = 2000;

	private static final int MAX_BUTTON_TEXT = 75;

	private static final int MAX_SECTION_TEXT = 3000;

	private static final int BUTTONS_PER_BLOCK = 25;

	private final JsonMapper json;

	SlackMessages(JsonMapper json) {
		this.json = json;
	}

	/**
	 * What a button carries.
	 * @param slackUserId the Slack user the request was sent to
	 */
	record ButtonValue(UUID requestId, UUID recipientId, String slackUserId, String answer) {
	}

	ObjectNode postMessage(FeedbackDelivery delivery, String slackUserId) {
		if (delivery.options().isEmpty()) {
			throw new FeedbackDeliveryFailed("Slack offers buttons only; this request asks for a free-text answer.");
		}
		ObjectNode message = json.createObjectNode();
		message.put("channel", slackUserId);
		message.put("text", delivery.question());
		ArrayNode blocks = message.putArray("blocks");
		blocks.add(section("*" + escaped(delivery.question()) + "*"));
		if (delivery.context() != null && !delivery.context().isBlank()) {
			blocks.add(section(escaped(delivery.context())));
		}
		List<String> options = delivery.options();
		for (int first = 0; first < options.size(); first += BUTTONS_PER_BLOCK) {
			ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
			for (int i = first; i < Math.min(options.size(), first + BUTTONS_PER_BLOCK); i++) {
				buttons.add(button(i, options.get(i), new ButtonValue(delivery.requestId(), delivery.recipientId(),
						slackUserId, options.get(i))));
			}
		}
		blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
			.put("text", "Answer by " + delivery.deadline() + ". The first answer counts.");
		return message;
	}

	/** The message after the answer: the question, and who answered what, without buttons. */
	ObjectNode answered(String channel, String ts, String question, String answer, String slackUserId) {
		ObjectNode message = json.createObjectNode();
		message.put("channel", channel);
		message.put("ts", ts);
		message.put("text", question);
		ArrayNode blocks = message.putArray("blocks");
		blocks.add(section("*" + escaped(question) + "*"));
		blocks.add(section("<@" + slackUserId + "> answered *" + escaped(answer) + "*"));
		return message;
	}

	/** The value of one of our buttons; empty for anything else. */
	Optional<ButtonValue> value(JsonNode action) {
		if (!action.path("action_id").asString("").startsWith(ACTION_PREFIX)) {
			return Optional.empty();
		}
		try {
			JsonNode value = json.readTree(action.path("value").asString(""));
			return Optional.of(new ButtonValue(UUID.fromString(value.path("r").asString()),
					UUID.fromString(value.path("u").asString()), value.path("s").asString(), value.path("o").asString()));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private ObjectNode button(int index, String option, ButtonValue value) {
		String encoded = json.writeValueAsString(json.createObjectNode()
			.put("r", value.requestId().toString())
			.put("u", value.recipientId().toString())
			.put("s", value.slackUserId())
			.put("o", value.answer()));
		if (encoded.length() > MAX_VALUE) {
			throw new FeedbackDeliveryFailed("An option is too long for a Slack button (" + MAX_VALUE + " characters).");
		}
		ObjectNode button = json.createObjectNode().put("type", "button").put("action_id", ACTION_PREFIX + index);
		button.putObject("text").put("type", "plain_text").put("text", shortened(option, MAX_BUTTON_TEXT));
		return button.put("value", encoded);
	}

	private ObjectNode section(String mrkdwn) {
		ObjectNode section = json.createObjectNode().put("type", "section");
		section.putObject("text").put("type", "mrkdwn").put("text", shortened(mrkdwn, MAX_SECTION_TEXT));
		return section;
	}

	/** Slack's three control characters in text: {@code &}, {@code <} and {@code >}. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String shortened(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
	}
}
