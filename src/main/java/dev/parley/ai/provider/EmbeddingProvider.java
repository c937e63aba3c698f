package dev.parley.ai.provider;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The port every embedding provider is reached through (OpenAI and OpenAI-compatible servers,
 * Gemini, Ollama, Bedrock), next to {@link ChatProvider}. Failures are signalled as
 * {@link ProviderError}; an option the model cannot honour as
 * {@link dev.parley.ai.UnsupportedEmbeddingOption}.
 */
public interface EmbeddingProvider {

	/** The provider part of model ids it serves. */
	String id();

	/** Embeds the call's texts, one vector per text in their order. */
	Vectors embed(Call call);

	/**
	 * One call.
	 *
	 * @param model the model name within the provider
	 * @param inputs the texts, at least one
	 * @param dimensions the length the vectors should have, or {@code null} for the model's own
	 * @param credential the user's own key for this provider, or {@code null} for the server's
	 */
	record Call(String model, List<String> inputs, @Nullable Integer dimensions,
			@Nullable ProviderCredential credential) {

		public Call {
			inputs = List.copyOf(inputs);
		}
	}

	/**
	 * @param vectors one per input, in order
	 * @param promptTokens the tokens the provider counted, 0 when it reports none (Gemini)
	 */
	record Vectors(List<float[]> vectors, int promptTokens) {
	}
}
