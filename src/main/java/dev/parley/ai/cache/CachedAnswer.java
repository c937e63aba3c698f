package dev.parley.ai.cache;

import dev.parley.ai.TokenUsage;

/**
 * An answer kept in the response cache.
 *
 * @param model the model that gave it
 * @param kind {@code generation} (the JSON of a result), {@code openai-json} or {@code openai-sse}
 *     (the bytes an OpenAI-compatible server sent, as text)
 * @param response what is replayed
 * @param usage the tokens the answer had when the provider gave it
 */
public record CachedAnswer(String model, String kind, String response, TokenUsage usage) {

	public static final String GENERATION = "generation";

	public static final String OPENAI_JSON = "openai-json";

	public static final String OPENAI_SSE = "openai-sse";
}
