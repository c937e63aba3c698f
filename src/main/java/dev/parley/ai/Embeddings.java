package dev.parley.ai;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.provider.EmbeddingProvider;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.provider.ProviderTimeout;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Embeds texts with a model of a provider whose embeddings are enabled ({@code openai}, named
 * OpenAI-compatible servers, {@code gemini}, {@code ollama}, {@code bedrock}), with the user's own
 * key for it when they stored one, in one of the user's generation places. Every call is metered
 * as a generation of prompt tokens only ({@link GenerationCompleted}), priced by the catalogue.
 * Provider calls are made once: no retries or fallback, unlike {@link Generations}.
 */
@Service
public class Embeddings {

	private final ModelCatalogue catalogue;

	private final ProviderRegistry providers;

	private final CredentialResolver credentials;

	private final UserConcurrency concurrency;

	private final GenerationMetering metering;

	Embeddings(ModelCatalogue catalogue, ProviderRegistry providers, CredentialResolver credentials,
			UserConcurrency concurrency, GenerationMetering metering) {
		this.catalogue = catalogue;
		this.providers = providers;
		this.credentials = credentials;
		this.concurrency = concurrency;
		this.metering = metering;
	}

	/**
	 * The vectors of the inputs, in their order.
	 * @param dimensions the length the vectors should have, or {@code null} for the model's own
	 * @throws UnknownModel when no enabled provider embeds with the model
	 * @throws UnsupportedEmbeddingOption for an option the model cannot honour
	 * @throws GenerationFailed when the provider fails or refuses
	 */
	public Embedded embed(UUID userId, @Nullable String model, List<String> inputs, @Nullable Integer dimensions) {
		ModelInfo info = catalogue.resolveEmbedding(model);
		EmbeddingProvider provider = providers.embeddings(info.id().provider()).orElseThrow(() -> new UnknownModel(model));
		CredentialResolver.Resolved credential = credentials.resolve(userId, info.id().provider());
		String keySource = credential.source().name().toLowerCase(Locale.ROOT);
		UserConcurrency.Permit permit = concurrency.acquire(userId);
		GenerationMetering.Call call = metering.startCall(userId, info, keySource, "embeddings");
		try {
			EmbeddingProvider.Vectors vectors = provider
				.embed(new EmbeddingProvider.Call(info.id().model(), inputs, dimensions, credential.credential()));
			call.end(new TokenUsage(vectors.promptTokens(), 0), "completed");
			return new Embedded(info.id().toString(), vectors.vectors(), vectors.promptTokens());
		}
		catch (ProviderError ex) {
			call.end(TokenUsage.NONE, "failed");
			throw failure(ex);
		}
		catch (RuntimeException ex) {
			call.end(TokenUsage.NONE, "failed");
			throw ex;
		}
		finally {
			permit.release();
		}
	}

	private static GenerationFailed failure(ProviderError error) {
		if (error instanceof ProviderTimeout) {
			return new GenerationFailed(GenerationFailed.Reason.TIMEOUT, "The provider did not answer in time.");
		}
		return error.retryable() ? new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The provider failed to answer.")
				: new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
						"The provider refused the request (HTTP " + error.status() + ").");
	}

	/**
	 * @param model the Parley model id that embedded
	 * @param vectors one per input, in order
	 * @param promptTokens what the provider counted (0 when it reports nothing: Gemini)
	 */
	public record Embedded(String model, List<float[]> vectors, int promptTokens) {
	}
}
