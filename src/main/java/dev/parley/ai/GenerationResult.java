package dev.parley.ai;

import java.util.List;

/**
 * A finished generation.
 *
 * @param model the model that actually answered (after any fallback)
 * @param content the whole text
 * @param finishReason why the model stopped ({@code stop}, {@code length}, {@code tool_calls} ...)
 * @param usage the tokens it used
 * @param toolCalls the tools the model called, in its order; empty when it answered in text only
 * @param fromCache whether it was answered from the response cache, without calling the provider
 */
public record GenerationResult(String model, String content, String finishReason, TokenUsage usage,
		List<ToolCall> toolCalls, boolean fromCache) {

	public GenerationResult {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	/** A result the provider gave. */
	public GenerationResult(String model, String content, String finishReason, TokenUsage usage,
			List<ToolCall> toolCalls) {
		this(model, content, finishReason, usage, toolCalls, false);
	}

	/** A result in text only. */
	public GenerationResult(String model, String content, String finishReason, TokenUsage usage) {
		this(model, content, finishReason, usage, List.of());
	}
}
