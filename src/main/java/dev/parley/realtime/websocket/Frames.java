package dev.parley.realtime.websocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.parley.conversations.MessageView;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import dev.parley.platform.Problems;
import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.realtime.ReplyEvent;
import dev.parley.realtime.websocket.FanOutMessage.Frame;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the server's frames: JSON objects whose {@code type} says what they are. A reply's frames
 * ({@code delta}, {@code tool_call}, {@code tool_result}, {@code approval_required}, {@code done},
 * {@code error}) carry its {@code chat_id}, {@code message_id} and {@code seq}, the event's number in
 * the reply's log (the SSE {@code id}). An {@code error} holds an RFC 9457 problem in {@code problem}.
 */
@Component
class Frames {

	private final JsonMapper json;

	Frames(JsonMapper json) {
		this.json = json;
	}

	Frame messageCreated(MessageView message) {
		Map<String, Object> frame = frame("message.created");
		frame.put("chat_id", message.chatId());
		frame.put("message_id", message.id());
		frame.put("seq", 0);
		frame.put("message", message);
		return new Frame(message.id(), 0, write(frame));
	}

	/** A reply's event as the frame of its type. */
	Frame reply(UUID chatId, UUID messageId, long seq, ReplyEvent event) {
		Map<String, Object> frame = frame(event.type().wireName());
		frame.put("chat_id", chatId);
		frame.put("message_id", messageId);
		frame.put("seq", seq);
		switch (event) {
			case ReplyEvent.Delta delta -> frame.put("content", delta.text());
			case ReplyEvent.ToolCall call -> {
				frame.put("id", call.id());
				frame.put("name", call.name());
				frame.put("arguments", call.arguments());
			}
			case ReplyEvent.ToolResult result -> {
				frame.put("id", result.id());
				frame.put("ok", result.ok());
				frame.put("summary", result.summary());
			}
			case ReplyEvent.ApprovalRequired approval -> {
				frame.put("run_id", approval.runId());
				frame.put("step_id", approval.stepId());
				frame.put("tool", approval.tool());
				frame.put("arguments", approval.arguments());
			}
			case ReplyEvent.Ended ended -> {
				ProblemDetail problem = ended.outcome().problem(messageId);
				if (problem != null) {
					frame.put("problem", problem(problem));
				}
				else {
					frame.put("message", ended.outcome().message());
				}
			}
		}
		return new Frame(messageId, seq, write(frame), event instanceof ReplyEvent.Ended);
	}

	/** {@code type} and the fields of {@code fields}, in that order. */
	String of(String type, Map<String, ?> fields) {
		Map<String, Object> frame = frame(type);
		frame.putAll(fields);
		return write(frame);
	}

	/** {@code type} and the properties {@code payload} is written as (a record, a map ...). */
	String ofPayload(String type, Object payload) {
		Map<String, Object> frame = frame(type);
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = json.convertValue(payload, Map.class);
		fields.remove("type");
		frame.putAll(fields);
		return write(frame);
	}

	String error(ParleyException failure, @Nullable String replyTo) {
		ProblemDetail problem = failure.invalidFields().isEmpty() ? Problems.of(failure.kind(), failure.getMessage())
				: Problems.validation(failure.invalidFields()
					.entrySet()
					.stream()
					.map(field -> new Problems.FieldError(field.getKey(), field.getValue()))
					.toList());
		failure.retryAfter().ifPresent(wait -> problem.setProperty("retry_after", Problems.retryAfterSeconds(wait)));
		if (failure instanceof RateLimitExceeded limited) {
			// The IETF fields an HTTP answer carries as headers (RateLimit, RateLimit-Policy).
			limited.headerFields().forEach((name, value) -> problem.setProperty(Problems.wireName(name).replace('-', '_'), value));
		}
		return error(problem, replyTo);
	}

	String error(ProblemKind kind, String detail, @Nullable String replyTo) {
		return error(Problems.of(kind, detail), replyTo);
	}

	String error(ProblemDetail problem, @Nullable String replyTo) {
		Map<String, Object> frame = frame("error");
		if (replyTo != null) {
			frame.put("reply_to", replyTo);
		}
		frame.put("problem", problem(problem));
		return write(frame);
	}

	/** A problem as its JSON members, the way the HTTP API writes it. */
	private static Map<String, Object> problem(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

	private static Map<String, Object> frame(String type) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		return frame;
	}

	private String write(Map<String, Object> frame) {
		return json.writeValueAsString(frame);
	}
}
