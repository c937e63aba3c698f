package dev.parley.ai.provider;

import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
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
		return GoogleGenAiChatModel.builder().genAiClient(client.build()).options(GoogleGenAiChatOptions.builder().build()).build();
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
