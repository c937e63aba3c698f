package dev.parley.ai.provider;

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

	/** A cold stream: nothing is sent to the provider until it is subscribed. */
	Flux<ProviderChunk> stream(ProviderCall call);
}
