package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.List;

import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;

/**
 * Google's Gemini API (not Vertex AI) through Spring AI's {@link GoogleGenAiChatModel} on the
 * Google GenAI SDK, with an API key, an optional base URL, and the SDK's retries off. The SDK
 * takes one timeout for a whole request: the {@code request} timeout. For a user's base URL the SDK
 * is given an OkHttp client of ours, with the same timeouts, that passes the outbound address guard.
 */
final class GeminiModels implements ChatModelFactory {

	private final AiProperties.Timeouts timeouts;

	private final GuardedHttp guardedHttp;

	GeminiModels(AiProperties.Timeouts timeouts, GuardedHttp guardedHttp) {
		this.timeouts = timeouts;
		this.guardedHttp = guardedHttp;
	}

	@Override
	public ChatModel create(ProviderCredential credential, boolean guarded) {
		return GoogleGenAiChatModel.builder().genAiClient(client(credential, guarded)).options(GoogleGenAiChatOptions.builder().build()).build();
	}

	/**
	 * The same API's embeddings ({@code batchEmbedContents} through the SDK's {@code embedContent}).
	 * The Gemini API reports no token counts for embeddings, so none are metered.
	 */
	EmbeddingClient embeddings(ProviderCredential credential, boolean guarded) {
		Client client = client(credential, guarded);
		return (name, inputs, dimensions) -> {
			EmbedContentConfig.Builder config = EmbedContentConfig.builder();
			if (dimensions != null) {
				config.outputDimensionality(dimensions);
			}
			EmbedContentResponse response = client.models.embedContent(name, inputs, config.build());
			List<float[]> vectors = new ArrayList<>();
			for (ContentEmbedding embedding : response.embeddings().orElse(List.of())) {
				List<Float> values = embedding.values().orElse(List.of());
				float[] vector = new float[values.size()];
				for (int i = 0; i < vector.length; i++) {
					vector[i] = values.get(i);
				}
				vectors.add(vector);
			}
			return new EmbeddingProvider.Vectors(vectors, 0);
		};
	}

	private Client client(ProviderCredential credential, boolean guarded) {
		HttpOptions.Builder http = HttpOptions.builder()
			.timeout(Math.toIntExact(timeouts.request().toMillis()))
			.retryOptions(HttpRetryOptions.builder().attempts(1).build());
		if (credential.baseUrl() != null) {
			http.baseUrl(credential.baseUrl());
		}
		Client.Builder client = Client.builder().apiKey(credential.apiKey()).vertexAI(false).httpOptions(http.build());
		if (guarded) {
			client.clientOptions(ClientOptions.builder().customHttpClient(guardedHttp.okHttp()).build());
		}
		return client.build();
	}

	@Override
	public ChatOptions options(ProviderCall call) {
		GoogleGenAiChatOptions.Builder options = GoogleGenAiChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.maxOutputTokens(call.maxTokens())
			.topP(call.options().topP())
			.frequencyPenalty(call.options().frequencyPenalty())
			.presencePenalty(call.options().presencePenalty());
		if (!call.options().stop().isEmpty()) {
			options.stopSequences(call.options().stop());
		}
		if (!call.tools().isEmpty()) {
			options.toolCallbacks(DescribedTool.all(call.tools()));
			GenerationOptions.ToolChoice choice = call.options().toolChoice();
			if (choice != null) {
				options.toolChoice(toolChoice(choice));
			}
		}
		if (call.outputSchema() != null) {
			options.outputSchema(call.outputSchema());
		}
		else if (call.options().jsonObject()) {
			options.responseMimeType("application/json");
		}
		return options.build();
	}

	/** OpenAI's tool choice as Gemini's function calling mode ({@code required} is {@code ANY}). */
	private static GoogleGenAiChatOptions.ToolChoice toolChoice(GenerationOptions.ToolChoice choice) {
		GoogleGenAiChatOptions.ToolChoice.Builder gemini = GoogleGenAiChatOptions.ToolChoice.builder();
		return switch (choice.mode()) {
			case AUTO -> gemini.mode(GoogleGenAiChatOptions.ToolChoice.Mode.AUTO).build();
			case NONE -> gemini.mode(GoogleGenAiChatOptions.ToolChoice.Mode.NONE).build();
			case REQUIRED -> gemini.mode(GoogleGenAiChatOptions.ToolChoice.Mode.ANY).build();
			case FUNCTION -> gemini.mode(GoogleGenAiChatOptions.ToolChoice.Mode.ANY)
				.allowedFunctionName(String.valueOf(choice.function()))
				.build();
		};
	}

	/** Gemini takes a function's response as a JSON object; Spring AI wraps other JSON in {@code result}. */
	@Override
	public boolean resultsAsJson() {
		return true;
	}
}
