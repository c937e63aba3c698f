package dev.parley.ai.provider;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The port every model provider is reached through: OpenAI, Anthropic, Ollama, Gemini, Bedrock,
 * OpenAI-compatible servers and the built-in development model all stream the same
 * {@link ProviderChunk}s. Failures are signalled as {@link ProviderError}.
 */
public interface ChatProvider {

	/** The provider part of model ids it serves ({@code openai}, {@code anthropic}, {@code local} ...). */
	String id();

	/** Whether this provider is a built-in development stand-in rather than a real model. */
	default boolean development() {
		return false;
	}

	/**
	 * The provider's OpenAI-compatible endpoint when it speaks OpenAI's API (OpenAI and named
	 * compatible servers), so that {@code /v1} requests can pass through to it as sent; {@code null}
	 * for every other kind of provider, whose requests are translated.
	 */
	default @Nullable OpenAiUpstream openAiUpstream() {
		return null;
	}

	/** A cold stream: nothing is sent to the provider until it is subscribed. */
	Flux<ProviderChunk> stream(ProviderCall call);
}
