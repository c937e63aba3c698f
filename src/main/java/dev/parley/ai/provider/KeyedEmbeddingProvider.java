package dev.parley.ai.provider;

import java.util.function.BiFunction;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.UnsupportedEmbeddingOption;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings of a provider reached with a key and base URL (OpenAI and OpenAI-compatible servers,
 * Gemini, Ollama), with the credentials handled as {@link SpringAiChatProvider} handles them: a
 * call's own key against its own base URL (held to the outbound address guard), else the
 * configured URL, else the default; no credential means the server's key, and an own-key-only
 * provider refuses such a call. Failures are {@link ProviderError}s.
 */
final class KeyedEmbeddingProvider implements EmbeddingProvider {

	private final String id;

	private final @Nullable ProviderCredential serverCredential;

	private final @Nullable String baseUrl;

	private final CachedClients<EmbeddingClient> clients;

	KeyedEmbeddingProvider(String id, @Nullable ProviderCredential serverCredential, @Nullable String baseUrl,
			BiFunction<ProviderCredential, Boolean, EmbeddingClient> factory, AiProperties.OwnKeys ownKeys) {
		this.id = id;
		this.serverCredential = serverCredential;
		this.baseUrl = baseUrl;
		this.clients = new CachedClients<>(factory, ownKeys.cacheSize(), ownKeys.cacheIdle());
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public Vectors embed(Call call) {
		ProviderCredential own = call.credential();
		ProviderCredential credential = own == null ? serverCredential
				: new ProviderCredential(own.apiKey(), present(own.baseUrl()) ? own.baseUrl() : baseUrl);
		if (credential == null) {
			throw new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
					"The server has no API key for '" + id + "': add your own key for this provider to use its models.");
		}
		boolean guarded = own != null && present(own.baseUrl());
		try {
			return clients.forCredential(credential, guarded).embed(call.model(), call.inputs(), call.dimensions());
		}
		catch (UnsupportedEmbeddingOption | GenerationFailed ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw ProviderErrors.translate(id, ex);
		}
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}
}
