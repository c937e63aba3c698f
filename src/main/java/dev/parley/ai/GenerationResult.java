package dev.parley.ai;

/**
 * A finished generation.
 *
 * @param model the model that actually answered (after any fallback)
 * @param content the whole text
 * @param finishReason why the model stopped ({@code stop}, {@code length} ...)
 * @param usage the tokens it used
 */
public record GenerationResult(String model, String content, String finishReason, TokenUsage usage) {
}
