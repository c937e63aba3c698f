package dev.parley.ai.provider;

import java.util.concurrent.TimeUnit;

import com.anthropic.models.messages.ToolChoice;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolChoiceAuto;
import com.anthropic.models.messages.ToolChoiceNone;
import com.anthropic.models.messages.ToolChoiceTool;
import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationOptions;
import org.jspecify.annotations.Nullable;
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
			.maxTokens(call.maxTokens())
			.topP(call.options().topP());
		if (!call.options().stop().isEmpty()) {
			options.stopSequences(call.options().stop());
		}
		if (!call.tools().isEmpty()) {
			options.toolCallbacks(DescribedTool.all(call.tools()));
			ToolChoice choice = toolChoice(call.options());
			if (choice != null) {
				options.toolChoice(choice);
			}
		}
		if (call.outputSchema() != null) {
			options.outputSchema(call.outputSchema());
		}
		return options.build();
	}

	/**
	 * OpenAI's tool choice in Anthropic's terms ({@code required} is {@code any}); "one call at a
	 * time" ({@code parallel_tool_calls: false}) is a flag of Anthropic's tool choice, so it comes
	 * with {@code auto} when no choice was made.
	 */
	private static @Nullable ToolChoice toolChoice(GenerationOptions options) {
		boolean single = Boolean.FALSE.equals(options.parallelToolCalls());
		GenerationOptions.ToolChoice choice = options.toolChoice();
		if (choice == null) {
			return single ? ToolChoice.ofAuto(ToolChoiceAuto.builder().disableParallelToolUse(true).build()) : null;
		}
		return switch (choice.mode()) {
			case AUTO -> ToolChoice.ofAuto(ToolChoiceAuto.builder().disableParallelToolUse(single).build());
			case NONE -> ToolChoice.ofNone(ToolChoiceNone.builder().build());
			case REQUIRED -> ToolChoice.ofAny(ToolChoiceAny.builder().disableParallelToolUse(single).build());
			case FUNCTION -> ToolChoice.ofTool(
					ToolChoiceTool.builder().name(String.valueOf(choice.function())).disableParallelToolUse(single).build());
		};
	}
}
