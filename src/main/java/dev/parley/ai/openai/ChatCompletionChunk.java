package dev.parley.ai.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event of a streamed answer, as OpenAI's {@code chat.completion.chunk} object: the
 * assistant role first, then content deltas, then the finish reason, then (when asked) the usage.
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

	record Choice(int index, Delta delta, @Nullable String finishReason) {
	}

	/** What this chunk adds: the role (first chunk only) and text; empty on the finishing chunk. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Delta(@Nullable String role, @Nullable String content) {
	}
}
