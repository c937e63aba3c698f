package dev.parley.ai.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.parley.ai.AiProperties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A local or remote Ollama server ({@code /api/chat}, NDJSON streams) through Spring AI's
 * {@link OllamaChatModel}. It needs no key; models are never pulled on our behalf. Whole answers
 * (RestClient) and streams (WebClient) both run on Apache HttpClient 5, so that a user's base URL
 * can be held to the outbound address guard through its DNS resolver. The HTTP clients carry no
 * key, so all models share two pairs of them, the guarded and the operator's, built when first needed.
 */
final class OllamaModels implements ChatModelFactory {

	private final AiProperties.Timeouts timeouts;

	private final GuardedHttp guardedHttp;

	private final Map<Boolean, Transport> transports = new ConcurrentHashMap<>();

	OllamaModels(AiProperties.Timeouts timeouts, GuardedHttp guardedHttp) {
		this.timeouts = timeouts;
		this.guardedHttp = guardedHttp;
	}

	@Override
	public ChatModel create(ProviderCredential credential, boolean guarded) {
		OllamaApi api = api(credential, guarded);
		// Spring AI retries whole answers on its own (ten attempts) unless told not to: Generations retries.
		return OllamaChatModel.builder()
			.ollamaApi(api)
			.options(OllamaChatOptions.builder().build())
			.retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)))
			.build();
	}

	/**
	 * The same server's embeddings ({@code POST /api/embed}, several inputs at once), on the same
	 * transport; the prompt tokens are its {@code prompt_eval_count}.
	 */
	EmbeddingClient embeddings(ProviderCredential credential, boolean guarded) {
		OllamaApi api = api(credential, guarded);
		return (name, inputs, dimensions) -> {
			OllamaApi.EmbeddingsResponse response = api
				.embed(new OllamaApi.EmbeddingsRequest(name, inputs, null, null, null, dimensions));
			return new EmbeddingProvider.Vectors(response.embeddings(),
					response.promptEvalCount() == null ? 0 : response.promptEvalCount());
		};
	}

	private OllamaApi api(ProviderCredential credential, boolean guarded) {
		Transport transport = transports.computeIfAbsent(guarded,
				key -> new Transport(new HttpComponentsClientHttpRequestFactory(whole(guarded)),
						new HttpComponentsClientHttpConnector(streamed(guarded))));
		return OllamaApi.builder()
			.baseUrl(credential.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(transport.whole()))
			.webClientBuilder(WebClient.builder().clientConnector(transport.streamed()))
			.build();
	}

	private CloseableHttpClient whole(boolean guarded) {
		PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(connectionConfig());
		HttpClientBuilder http = HttpClients.custom()
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(timeouts.request().toMillis(), TimeUnit.MILLISECONDS))
				.build());
		if (guarded) {
			connections.setDnsResolver(guardedHttp.dnsResolver());
			http.disableRedirectHandling();
		}
		return http.setConnectionManager(connections.build()).build();
	}

	private CloseableHttpAsyncClient streamed(boolean guarded) {
		PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(connectionConfig());
		HttpAsyncClientBuilder http = HttpAsyncClients.custom();
		if (guarded) {
			connections.setDnsResolver(guardedHttp.dnsResolver());
			http.disableRedirectHandling();
		}
		return http.setConnectionManager(connections.build()).build();
	}

	private ConnectionConfig connectionConfig() {
		return ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS))
			.build();
	}

	@Override
	public ChatOptions options(ProviderCall call) {
		OllamaChatOptions.Builder options = OllamaChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.numPredict(call.maxTokens())
			.topP(call.options().topP())
			.frequencyPenalty(call.options().frequencyPenalty())
			.presencePenalty(call.options().presencePenalty());
		if (!call.options().stop().isEmpty()) {
			options.stop(call.options().stop());
		}
		if (call.options().seed() != null) {
			options.seed(Math.toIntExact(call.options().seed()));
		}
		// Ollama cannot be told not to call tools: with tool_choice "none" it is offered none.
		if (!call.offeredTools().isEmpty()) {
			options.toolCallbacks(DescribedTool.all(call.offeredTools()));
		}
		if (call.outputSchema() != null) {
			options.outputSchema(call.outputSchema());
		}
		else if (call.options().jsonObject()) {
			options.format("json");
		}
		return options.build();
	}

	private record Transport(HttpComponentsClientHttpRequestFactory whole, HttpComponentsClientHttpConnector streamed) {
	}
}
