package dev.parley.ai.provider;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.parley.ai.AiProperties;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;

/**
 * Google's Gemini API (not Vertex AI) through Spring AI's {@link GoogleGenAiChatModel} on the
 * Google GenAI SDK, with an API key, an optional base URL, and the SDK's retries off. The SDK
 * takes one timeout for a whole request: the {@code request} timeout.
 */
final class GeminiModels implements ChatModelFactory {

	private final AiProperties.Timeouts timeouts;

	GeminiModels(AiProperties.Timeouts timeouts) {
		this.timeouts = timeouts;
	}

	@Override
	public ChatModel create(ProviderCredential credential) {
		HttpOptions.Builder http = HttpOptions.builder()
			.timeout(Math.toIntExact(timeouts.request().toMillis()))
			.retryOptions(HttpRetryOptions.builder().attempts(1).build());
		if (credential.baseUrl() != null) {
			http.baseUrl(credential.baseUrl());
		}
		Client client = Client.builder().apiKey(credential.apiKey()).vertexAI(false).httpOptions(http.build()).build();
		return GoogleGenAiChatModel.builder().genAiClient(client).options(GoogleGenAiChatOptions.builder().build()).build();
	}

	@Override
	public ChatOptions options(ProviderCall call) {
		return GoogleGenAiChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.maxOutputTokens(call.maxTokens())
			.build();
	}
}
