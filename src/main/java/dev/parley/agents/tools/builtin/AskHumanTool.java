package dev.parley.agents.tools.builtin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.parley.agents.tools.PausingTool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import dev.parley.feedback.FeedbackKind;
import dev.parley.feedback.FeedbackRequests;
import dev.parley.feedback.NewFeedbackRequest;
import dev.parley.feedback.OnTimeout;
import dev.parley.platform.ParleyException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

/**
 * {@code ask_human}: the agent asks the run's user a question (free text or one of its options)
 * on their channels; the run pauses durably until the answer, which is the call's result — or,
 * at the timeout, until what {@code on_timeout} says: {@code deny} (the default: the model hears
 * that nobody answered), {@code approve} (the same, as a success), {@code wait} (it keeps waiting)
 * or {@code halt} (the run ends).
 */
final class AskHumanTool implements PausingTool {

	private static final ToolDefinition DEFINITION = new ToolDefinition(ASK_HUMAN,
			"Ask the user a question and wait for their answer (minutes or days). Use it when you need a decision or "
					+ "information only they have. Give options for a multiple-choice answer.",
			"""
					{"type": "object",
					 "properties": {
					   "question": {"type": "string", "minLength": 1, "maxLength": 4000},
					   "options": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 200}, "maxItems": 10,
					               "description": "The answers to choose from; none for a free-text answer"},
					   "context": {"type": "string", "maxLength": 8000, "description": "Why you ask, shown with the question"},
					   "channels": {"type": "array", "items": {"type": "string", "enum": ["in_app", "email", "slack"]},
					                "description": "Where to ask; the server's default channels when absent"},
					   "timeout": {"type": "string", "description": "How long to wait, such as 30m or 48h; 48h by default"},
					   "on_timeout": {"type": "string", "enum": ["wait", "deny", "approve", "halt"],
					                  "description": "When nobody answered in time: deny (you hear nobody answered), approve, wait on, or halt the run"},
					   "escalate_after": {"type": "string", "description": "Ask again after this long unanswered, such as 4h"},
					   "escalate_to": {"type": "object", "properties": {
					       "channels": {"type": "array", "items": {"type": "string", "enum": ["in_app", "email", "slack"]}},
					       "user_id": {"type": "string", "format": "uuid"}}, "additionalProperties": false}
					 },
					 "required": ["question"],
					 "additionalProperties": false}""");

	private final FeedbackRequests feedback;

	AskHumanTool(FeedbackRequests feedback) {
		this.feedback = feedback;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		return ToolResult.failed("ask_human works only within an agent's run, which waits for the answer");
	}

	@Override
	public @Nullable ToolResult ask(ToolInvocation invocation) {
		JsonNode arguments = invocation.arguments();
		try {
			Duration timeout = duration(arguments.path("timeout"));
			Duration escalateAfter = duration(arguments.path("escalate_after"));
			JsonNode to = arguments.path("escalate_to");
			String escalateUser = text(to.path("user_id"));
			NewFeedbackRequest.Escalation escalation = escalateAfter == null ? null
					: new NewFeedbackRequest.Escalation(escalateAfter, strings(to.path("channels")),
							escalateUser == null ? null : UUID.fromString(escalateUser));
			String onTimeout = text(arguments.path("on_timeout"));
			feedback.create(new NewFeedbackRequest(invocation.userId(), FeedbackKind.QUESTION,
					arguments.path("question").asString(""), strings(arguments.path("options")),
					text(arguments.path("context")), strings(arguments.path("channels")), timeout,
					onTimeout == null ? OnTimeout.DENY : OnTimeout.valueOf(onTimeout.toUpperCase(Locale.ROOT)),
					escalation, null, invocation.runId(), invocation.stepId()));
			return null;
		}
		catch (ParleyException ex) {
			List<String> problems = new ArrayList<>();
			ex.invalidFields().forEach((field, reason) -> problems.add(field + " " + reason));
			return ToolResult.failed("the question was not asked: "
					+ (problems.isEmpty() ? ex.getMessage() : String.join("; ", problems)));
		}
		catch (IllegalArgumentException ex) {
			return ToolResult.failed("the question was not asked: durations look like 30m or 48h, user ids are UUIDs");
		}
	}

	private static @Nullable Duration duration(JsonNode value) {
		String text = text(value);
		return text == null ? null : DurationStyle.detectAndParse(text);
	}

	private static @Nullable String text(JsonNode value) {
		return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
	}

	private static List<String> strings(JsonNode values) {
		List<String> strings = new ArrayList<>();
		values.forEach(value -> strings.add(value.asString()));
		return strings;
	}
}
