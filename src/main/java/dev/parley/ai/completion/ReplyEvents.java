package dev.parley.ai.completion;

import dev.parley.conversations.MessageView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The Server-Sent Events of a reply stream as the API documentation shows them ({@code
 * text/event-stream}): what {@link ReplyStreamer} writes, one record per event type, each with the
 * {@code event:} name, the {@code id:} (the offset {@code Last-Event-ID} resumes from) and the JSON
 * of its {@code data:}. Keep them in step with {@link ReplyStreamer}.
 */
@Schema(name = "ReplyEvent", description = "One Server-Sent Event of a reply: user_message (new turns only), "
		+ "delta ..., then done or error. Lines starting with ':' are keep-alives.",
		oneOf = { ReplyEvents.UserMessage.class, ReplyEvents.Delta.class, ReplyEvents.Done.class, ReplyEvents.Error.class })
sealed interface ReplyEvents {

	@Schema(name = "ReplyUserMessageEvent", description = "The stored user message of a new turn, first")
	record UserMessage(@Schema(allowableValues = "user_message", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(description = "always 0", requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) MessageView data) implements ReplyEvents {
	}

	@Schema(name = "ReplyDeltaEvent", description = "Reply text, in order")
	record Delta(@Schema(allowableValues = "delta", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(description = "the length of reply text sent so far", requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) ReplyStreamer.Delta data) implements ReplyEvents {
	}

	@Schema(name = "ReplyDoneEvent", description = "The stored reply, completed or cancelled; the stream ends")
	record Done(@Schema(allowableValues = "done", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) MessageView data) implements ReplyEvents {
	}

	@Schema(name = "ReplyErrorEvent", description = "The reply failed: a problem with its message_id; the stream ends")
	record Error(@Schema(allowableValues = "error", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(ref = "#/components/schemas/Problem", requiredMode = RequiredMode.REQUIRED) Object data)
			implements ReplyEvents {
	}
}
