package dev.parley.ai.provider;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.parley.ai.AiProperties;
import okhttp3.Interceptor;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * The embeddings ({@code POST /embeddings}) of OpenAI and of any server speaking its API, through
 * Spring AI's {@link OpenAiEmbeddingModel} on the official OpenAI SDK, with the same keys, base
 * URLs, timeouts and address guard as their chat calls ({@link OpenAiChatProvider}). The SDK's
 * retries are off.
 */
final class OpenAiEmbeddings {

	private final AiProperties.Timeouts timeouts;

	private final GuardedHttp guardedHttp;

	OpenAiEmbeddings(AiProperties.Timeouts timeouts, GuardedHttp guardedHttp) {
		this.timeouts = timeouts;
		this.guardedHttp = guardedHttp;
	}

	/** The client for this key and base URL, held to the outbound address guard when {@code guarded}. */
	EmbeddingClient embeddings(ProviderCredential credential, boolean guarded) {
		OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
			.options(OpenAiEmbeddingOptions.builder()
				.baseUrl(credential.baseUrl() == null ? OpenAiUpstream.DEFAULT_BASE_URL : credential.baseUrl())
				.apiKey(credential.apiKey() == null ? "" : credential.apiKey())
				.timeout(timeouts.request())
				.maxRetries(0)
				.build())
			.httpClientBuilderCustomizer(http -> {
				http.interceptor(connectTimeout());
				if (guarded) {
					http.interceptor(guardedHttp.okHttpInterceptor());
				}
			})
			.build();
		return (name, inputs, dimensions) -> {
			OpenAiEmbeddingOptions.Builder options = OpenAiEmbeddingOptions.builder();
			options.model(name);
			options.dimensions(dimensions);
			EmbeddingResponse response = model.call(new EmbeddingRequest(inputs, options.build()));
			List<float[]> vectors = response.getResults().stream().map(Embedding::getOutput).toList();
			Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
			return new EmbeddingProvider.Vectors(vectors,
					usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens());
		};
	}

	private Interceptor connectTimeout() {
		int millis = Math.toIntExact(timeouts.connect().toMillis());
		return chain -> chain.withConnectTimeout(millis, TimeUnit.MILLISECONDS).proceed(chain.request());
	}
}
