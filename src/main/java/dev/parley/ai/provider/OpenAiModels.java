package dev.parley.ai.provider;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationOptions;
import okhttp3.Interceptor;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * OpenAI and any server speaking its chat-completions API (vLLM, LM Studio, OpenRouter, Groq ...),
 * through Spring AI's {@link OpenAiChatModel} on the official OpenAI SDK. The SDK's retries are
 * off; streams ask for usage ({@code stream_options.include_usage}). A blank key talks to the
 * server without an {@code Authorization} header. Tool calls a compatible server sends without id
 * get one ({@link MissingToolCallIds}).
 */
final class OpenAiModels implements ChatModelFactory {

	static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	private final AiProperties.Timeouts timeouts;

	private final GuardedHttp guardedHttp;

	OpenAiModels(AiProperties.Timeouts timeouts, GuardedHttp guardedHttp) {
		this.timeouts = timeouts;
		this.guardedHttp = guardedHttp;
	}

	@Override
	public ChatModel create(ProviderCredential credential, boolean guarded) {
		OpenAiChatOptions defaults = OpenAiChatOptions.builder()
			.baseUrl(credential.baseUrl() == null ? DEFAULT_BASE_URL : credential.baseUrl())
			.apiKey(credential.apiKey() == null ? "" : credential.apiKey())
			.timeout(timeouts.request())
			.maxRetries(0)
			.build();
		return OpenAiChatModel.builder()
			.options(defaults)
			.httpClientBuilderCustomizer(http -> {
				http.interceptor(connectTimeout());
				http.interceptor(new MissingToolCallIds());
				if (guarded) {
					http.interceptor(guardedHttp.okHttpInterceptor());
				}
			})
			.build();
	}

	/**
	 * The embeddings of the same server ({@code POST /embeddings}) through Spring AI's
	 * {@link OpenAiEmbeddingModel}, with the same key, base URL, timeouts and guard as its chat model.
	 */
	EmbeddingClient embeddings(ProviderCredential credential, boolean guarded) {
		OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
			.options(OpenAiEmbeddingOptions.builder()
				.baseUrl(credential.baseUrl() == null ? DEFAULT_BASE_URL : credential.baseUrl())
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

	@Override
	public ChatOptions options(ProviderCall call) {
		OpenAiChatOptions.Builder options = OpenAiChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.maxTokens(call.maxTokens())
			.streamUsage(true)
			.topP(call.options().topP())
			.frequencyPenalty(call.options().frequencyPenalty())
			.presencePenalty(call.options().presencePenalty());
		if (!call.options().stop().isEmpty()) {
			options.stop(call.options().stop());
		}
		if (call.options().seed() != null) {
			options.seed(Math.toIntExact(call.options().seed()));
		}
		if (!call.tools().isEmpty()) {
			options.toolCallbacks(DescribedTool.all(call.tools()));
			if (call.options().toolChoice() != null) {
				options.toolChoice(toolChoice(call.options().toolChoice()));
			}
			if (call.options().parallelToolCalls() != null) {
				options.parallelToolCalls(call.options().parallelToolCalls());
			}
		}
		if (call.outputSchema() != null) {
			// Not strict: OpenAI's strict mode refuses schemas that do not list every property as required.
			options.responseFormat(OpenAiChatModel.ResponseFormat.builder()
				.type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA)
				.jsonSchema(call.outputSchema())
				.strict(false)
				.build());
		}
		else if (call.options().jsonObject()) {
			options.responseFormat(OpenAiChatModel.ResponseFormat.builder()
				.type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT)
				.build());
		}
		return options.build();
	}

	private static Object toolChoice(GenerationOptions.ToolChoice choice) {
		return switch (choice.mode()) {
			case AUTO -> "auto";
			case NONE -> "none";
			case REQUIRED -> "required";
			case FUNCTION -> "{\"type\":\"function\",\"function\":{\"name\":" + ToolCalls.write(choice.function()) + "}}";
		};
	}

	/** OpenAI's wire carries a call's arguments as text: they go back exactly as the model wrote them. */
	@Override
	public boolean argumentsAsObject() {
		return false;
	}

	private Interceptor connectTimeout() {
		int millis = Math.toIntExact(timeouts.connect().toMillis());
		return chain -> chain.withConnectTimeout(millis, TimeUnit.MILLISECONDS).proceed(chain.request());
	}
}
