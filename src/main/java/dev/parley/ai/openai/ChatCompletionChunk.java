package dev.parley.ai.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event of a streamed answer, as OpenAI's {@code chat.completion.chunk} object: the
 * assistant role first, then content and tool call deltas, then the finish reason, then (when
 * asked) the usage.
 *
 * @param id the same for every chunk of one answer
 * @param object always {@code chat.completion.chunk}
 * @param created Unix seconds, the same for every chunk
 * @param model the Parley model id
 * @param choices one choice, or none on the usage chunk
 * @param usage only on the usage chunk
 */
record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
		@JsonInclude(JsonInclude.Include.NON_NULL) ChatCompletion.@Nullable Usage usage) {

	static final String OBJECT = "chat.completion.chunk";

	/** @param logprobs always {@code null}: log probabilities are not offered */
	record Choice(int index, Delta delta, @Nullable Object logprobs, @Nullable String finishReason) {
	}

	/**
	 * What this chunk adds: the role (first chunk only), text, or tool calls; empty on the finishing chunk.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Delta(@Nullable String role, @Nullable String content, @Nullable List<ToolCallDelta> toolCalls) {

		Delta(@Nullable String role, @Nullable String content) {
			this(role, content, null);
		}
	}

	/**
	 * A tool call in one piece: Parley's providers deliver calls whole, so the first delta of a call
	 * (its index, id, type and name) carries all of its arguments too, as OpenAI's SDKs accumulate them.
	 *
	 * @param index the call's place among the answer's calls, from 0
	 */
	record ToolCallDelta(int index, String id, String type, ChatCompletion.Function function) {

		static ToolCallDelta of(int index, ToolCall call) {
			return new ToolCallDelta(index, call.id(), "function", new ChatCompletion.Function(call.name(), call.arguments()));
		}
	}
}
