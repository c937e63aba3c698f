package dev.parley.ai.provider;

import java.util.List;

import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a streamed answer: text, complete tool calls, and on the last chunks the finish
 * reason and usage. Adapters assemble a tool call streamed in pieces before they emit it.
 *
 * @param text the next text, possibly empty
 * @param finishReason why the model stopped, on the chunk that says so; else {@code null}
 * @param usage the tokens used, on the chunk that reports them; else {@code null}
 * @param toolCalls tool calls completed with this chunk, in the model's order; usually empty
 */
public record ProviderChunk(String text, @Nullable String finishReason, @Nullable TokenUsage usage,
		List<ToolCall> toolCalls) {

	public ProviderChunk {
		text = text == null ? "" : text;
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	public ProviderChunk(String text, @Nullable String finishReason, @Nullable TokenUsage usage) {
		this(text, finishReason, usage, List.of());
	}

	public static ProviderChunk text(String text) {
		return new ProviderChunk(text, null, null);
	}

	/** Whether the chunk carries anything at all. */
	public boolean isEmpty() {
		return text.isEmpty() && finishReason == null && usage == null && toolCalls.isEmpty();
	}
}
