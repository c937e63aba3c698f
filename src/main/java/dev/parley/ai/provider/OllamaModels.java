package dev.parley.ai.provider;

import java.net.http.HttpClient;

import dev.parley.ai.AiProperties;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A local or remote Ollama server ({@code /api/chat}, NDJSON streams) through Spring AI's
 * {@link OllamaChatModel}. It needs no key; models are never pulled on our behalf.
 */
final class OllamaModels implements ChatModelFactory {

	private final AiProperties.Timeouts timeouts;

	OllamaModels(AiProperties.Timeouts timeouts) {
		this.timeouts = timeouts;
	}

	@Override
	public ChatModel create(ProviderCredential credential) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeouts.connect()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(timeouts.request());
		OllamaApi api = OllamaApi.builder()
			.baseUrl(credential.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(requests))
			.webClientBuilder(WebClient.builder().clientConnector(new JdkClientHttpConnector(http)))
			.build();
		return OllamaChatModel.builder().ollamaApi(api).options(OllamaChatOptions.builder().build()).build();
	}

	@Override
	public ChatOptions options(ProviderCall call) {
		return OllamaChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.numPredict(call.maxTokens())
			.build();
	}
}
