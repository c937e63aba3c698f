package dev.parley.ai.openai;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The Server-Sent Events of a streamed chat completion as the API documentation shows them ({@code
 * text/event-stream}, OpenAI's framing: {@code data:} lines only): what {@link ChatCompletionStream}
 * writes. Keep them in step with it.
 */
@Schema(name = "ChatCompletionEvent", description = "One Server-Sent Event: chunks, then data: [DONE]; "
		+ "a generation that fails ends the stream with an error event instead",
		oneOf = { ChatCompletionEvents.Chunk.class, ChatCompletionEvents.Failure.class, ChatCompletionEvents.Done.class })
sealed interface ChatCompletionEvents {

	@Schema(name = "ChatCompletionChunkEvent", description = "A chunk: the role first, then content deltas, the finish "
			+ "reason, and the usage when stream_options.include_usage is set")
	record Chunk(@Schema(requiredMode = RequiredMode.REQUIRED) ChatCompletionChunk data) implements ChatCompletionEvents {
	}

	@Schema(name = "ChatCompletionErrorEvent", description = "The generation failed after the stream started; the stream ends")
	record Failure(@Schema(requiredMode = RequiredMode.REQUIRED) OpenAiError data) implements ChatCompletionEvents {
	}

	@Schema(name = "ChatCompletionDoneEvent", description = "The end of the stream")
	record Done(@Schema(allowableValues = "[DONE]", requiredMode = RequiredMode.REQUIRED) String data)
			implements ChatCompletionEvents {
	}
}
