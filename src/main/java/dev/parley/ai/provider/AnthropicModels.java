package dev.parley.ai.provider;

import java.util.concurrent.TimeUnit;

import dev.parley.ai.AiProperties;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Anthropic's messages API through Spring AI's {@link AnthropicChatModel} on the official Anthropic
 * SDK, with the SDK's retries off.
 */
final class AnthropicModels implements ChatModelFactory {

	static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

	private final AiProperties.Timeouts timeouts;

	private final GuardedHttp guardedHttp;

	AnthropicModels(AiProperties.Timeouts timeouts, GuardedHttp guardedHttp) {
		this.timeouts = timeouts;
		this.guardedHttp = guardedHttp;
	}

	@Override
	public ChatModel create(ProviderCredential credential, boolean guarded) {
		AnthropicChatOptions defaults = AnthropicChatOptions.builder()
			.baseUrl(credential.baseUrl() == null ? DEFAULT_BASE_URL : credential.baseUrl())
			.apiKey(credential.apiKey())
			.timeout(timeouts.request())
			.maxRetries(0)
			.build();
		int connectMillis = Math.toIntExact(timeouts.connect().toMillis());
		return AnthropicChatModel.builder()
			.options(defaults)
			.httpClientBuilderCustomizer(http -> {
				http.interceptor(chain -> chain.withConnectTimeout(connectMillis, TimeUnit.MILLISECONDS)
					.proceed(chain.request()));
				if (guarded) {
					http.interceptor(guardedHttp.okHttpInterceptor());
				}
			})
			.build();
	}

	@Override
	public ChatOptions options(ProviderCall call) {
		AnthropicChatOptions.Builder options = AnthropicChatOptions.builder()
			.model(call.model())
			.temperature(call.temperature())
			.maxTokens(call.maxTokens());
		if (!call.tools().isEmpty()) {
			options.toolCallbacks(DescribedTool.all(call.tools()));
		}
		if (call.outputSchema() != null) {
			options.outputSchema(call.outputSchema());
		}
		return options.build();
	}
}
