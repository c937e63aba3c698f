package dev.parley.realtime;

import java.util.UUID;

import dev.parley.conversations.MessageView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The Server-Sent Events of a reply stream as the API documentation shows them ({@code
 * text/event-stream}): what {@link ReplyStreams} writes, one record per event type, each with the
 * {@code event:} name, the {@code id:} (the event's number in the reply's log, which {@code
 * Last-Event-ID} resumes after) and the JSON of its {@code data:}. Keep them in step with
 * {@link ReplyStreams}. The tool events are written by turns that run tools.
 */
@Schema(name = "ReplyEvent", description = "One Server-Sent Event of a reply: user_message (new turns only, id 0), "
		+ "then the reply's log numbered from 1 (delta, tool_call, tool_result, approval_required), then done or "
		+ "error. Last-Event-ID: n resumes with every event after n, on any node. Lines starting with ':' are "
		+ "keep-alives.",
		oneOf = { ReplyEvents.UserMessage.class, ReplyEvents.Delta.class, ReplyEvents.ToolCall.class,
				ReplyEvents.ToolResult.class, ReplyEvents.ApprovalRequired.class, ReplyEvents.Done.class,
				ReplyEvents.Error.class })
public sealed interface ReplyEvents {

	@Schema(name = "ReplyUserMessageEvent", description = "The stored user message of a new turn, first")
	record UserMessage(@Schema(allowableValues = "user_message", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(description = "always 0", requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) MessageView data) implements ReplyEvents {
	}

	@Schema(name = "ReplyDeltaEvent", description = "Reply text, in order")
	record Delta(@Schema(allowableValues = "delta", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(description = "the event's number in the reply's log, from 1", requiredMode = RequiredMode.REQUIRED)
			String id, @Schema(requiredMode = RequiredMode.REQUIRED) DeltaData data) implements ReplyEvents {
	}

	@Schema(name = "ReplyToolCallEvent", description = "The model called a tool")
	record ToolCall(@Schema(allowableValues = "tool_call", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) ToolCallData data) implements ReplyEvents {
	}

	@Schema(name = "ReplyToolResultEvent", description = "A tool call was answered")
	record ToolResult(@Schema(allowableValues = "tool_result", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) ToolResultData data) implements ReplyEvents {
	}

	@Schema(name = "ReplyApprovalRequiredEvent", description = "A tool call waits for a person's approval")
	record ApprovalRequired(
			@Schema(allowableValues = "approval_required", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) ApprovalData data) implements ReplyEvents {
	}

	@Schema(name = "ReplyDoneEvent", description = "The stored reply, completed or cancelled; the stream ends")
	record Done(@Schema(allowableValues = "done", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(description = "the number after the log's last entry", requiredMode = RequiredMode.REQUIRED)
			String id, @Schema(requiredMode = RequiredMode.REQUIRED) MessageView data) implements ReplyEvents {
	}

	@Schema(name = "ReplyErrorEvent", description = "The reply failed: a problem with its message_id; the stream ends")
	record Error(@Schema(allowableValues = "error", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(ref = "#/components/schemas/Problem", requiredMode = RequiredMode.REQUIRED) Object data)
			implements ReplyEvents {
	}

	/** A piece of reply text. */
	@Schema(name = "ReplyDelta")
	record DeltaData(UUID messageId, String content) {
	}

	/** A tool call: the call's id, the tool, and the arguments as the model wrote them (JSON text). */
	@Schema(name = "ReplyToolCall")
	record ToolCallData(String id, String name, String arguments) {
	}

	/** The answer to a tool call: its id, whether the tool succeeded, and a short summary. */
	@Schema(name = "ReplyToolResult")
	record ToolResultData(String id, boolean ok, String summary) {
	}

	/** A tool call that waits for approval: the run and step waiting, the tool and its arguments. */
	@Schema(name = "ReplyApprovalRequired")
	record ApprovalData(UUID runId, UUID stepId, String tool, String arguments) {
	}
}
