package dev.parley.realtime;

import java.util.UUID;

import dev.parley.conversations.MessageView;
import dev.parley.platform.streams.EventSource;
import dev.parley.platform.streams.SseEventWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a reply's event log to a client as Server-Sent Events: {@code user_message} (id 0, on a new
 * turn only), then every event of the log with its number as {@code id} ({@code delta}s, {@code
 * tool_call}, {@code tool_result}, {@code approval_required}), and last {@code done} or {@code error}
 * (a problem: the provider's failure, or 410 when the reply was deleted meanwhile). A client resumes
 * with {@code Last-Event-ID: n} and gets every event after {@code n}, the same ones on any node. A
 * client that goes away stops its writer, never the generation. A stream stays open at most
 * {@code spring.mvc.async.request-timeout} ({@code PARLEY_STREAM_TIMEOUT}); it then ends, and the
 * client may follow the reply again. {@link ReplyEvents} documents the events.
 */
@Component
public class ReplyStreams {

	private final LiveReplies live;

	private final JsonMapper json;

	ReplyStreams(LiveReplies live, JsonMapper json) {
		this.live = live;
		this.json = json;
	}

	/** The stream of a turn just started: its user message, then the reply's whole log. */
	public SseEmitter newTurn(LiveReply reply, MessageView userMessage) {
		return stream(reply.messageId(), reply, 0,
				SseEmitter.event().id("0").name(ReplyEvent.Type.USER_MESSAGE.wireName()).data(userMessage));
	}

	/**
	 * Follows a reply of this user from after event {@code after}: live if it is generated here,
	 * else from its stored row. A number past the end counts from the end.
	 */
	public SseEmitter follow(UUID messageId, UUID userId, long after) {
		return stream(messageId, live.follow(messageId, userId), after, null);
	}

	private SseEmitter stream(UUID messageId, EventSource<ReplyEvent> source, long after,
			SseEmitter.SseEventBuilder first) {
		return SseEventWriter.start("reply-stream-" + messageId, source, after,
				(seq, event) -> encode(json, messageId, seq, event), first, null, () -> {
				});
	}

	/**
	 * A delta's data is serialised here, to text that the writer joins with the event's framing into
	 * one write per batch ({@link SseEventWriter#JSON_TEXT}); the rarer events go through Spring MVC's
	 * converters.
	 */
	static SseEmitter.SseEventBuilder encode(JsonMapper json, UUID messageId, long seq, ReplyEvent event) {
		SseEmitter.SseEventBuilder sse = SseEmitter.event().id(Long.toString(seq)).name(event.type().wireName());
		return switch (event) {
			case ReplyEvent.Delta delta ->
				sse.data(json.writeValueAsString(new ReplyEvents.DeltaData(messageId, delta.text())), SseEventWriter.JSON_TEXT);
			case ReplyEvent.ToolCall call -> sse.data(new ReplyEvents.ToolCallData(call.id(), call.name(), call.arguments()));
			case ReplyEvent.ToolResult result ->
				sse.data(new ReplyEvents.ToolResultData(result.id(), result.ok(), result.summary()));
			case ReplyEvent.ApprovalRequired approval -> sse.data(new ReplyEvents.ApprovalData(approval.runId(),
					approval.stepId(), approval.tool(), approval.arguments()));
			case ReplyEvent.Ended ended -> sse.data(ending(messageId, ended.outcome()));
		};
	}

	private static @Nullable Object ending(UUID messageId, ReplyOutcome outcome) {
		ProblemDetail problem = outcome.problem(messageId);
		return problem != null ? problem : outcome.message();
	}

}
