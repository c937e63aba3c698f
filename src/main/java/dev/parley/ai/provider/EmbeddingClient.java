package dev.parley.ai.provider;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One provider's embeddings endpoint for one credential, built by the provider's model factory. */
@FunctionalInterface
interface EmbeddingClient {

	/** The vectors of these texts, with the prompt tokens the provider counted. */
	EmbeddingProvider.Vectors embed(String model, List<String> inputs, @Nullable Integer dimensions);
}
