package dev.parley.ai.provider;

import dev.parley.ai.TokenUsage;

/**
 * A piece of a streamed answer: text, and on the last chunks the finish reason and usage.
 *
 * @param text the next text, possibly empty
 * @param finishReason why the model stopped, on the chunk that says so; else {@code null}
 * @param usage the tokens used, on the chunk that reports them; else {@code null}
 */
public record ProviderChunk(String text, String finishReason, TokenUsage usage) {

	public static ProviderChunk text(String text) {
		return new ProviderChunk(text, null, null);
	}
}
