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
 */
public record GenerationResult(String model, String content, String finishReason, TokenUsage usage,
		List<ToolCall> toolCalls) {

	public GenerationResult {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	/** A result in text only. */
	public GenerationResult(String model, String content, String finishReason, TokenUsage usage) {
		this(model, content, finishReason, usage, List.of());
	}
}
