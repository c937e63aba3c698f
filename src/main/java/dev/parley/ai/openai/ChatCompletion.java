package dev.parley.ai.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * A whole answer, as OpenAI's {@code chat.completion} object ({@code CreateChatCompletionResponse}).
 * {@code system_fingerprint} is left out: the translated providers have none (the schema makes it optional).
 *
 * @param id {@code chatcmpl-} and a unique suffix
 * @param object always {@code chat.completion}
 * @param created Unix seconds
 * @param model the Parley model id that answered
 * @param choices the one choice
 * @param usage tokens used
 */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {

	static ChatCompletion from(String id, long created, GenerationResult result) {
		List<MessageToolCall> calls = result.toolCalls().stream().map(MessageToolCall::from).toList();
		// OpenAI's content is null on a turn that only called tools.
		String content = calls.isEmpty() || !result.content().isEmpty() ? result.content() : null;
		Choice choice = new Choice(0, new Message("assistant", content, null, calls.isEmpty() ? null : calls), null,
				finishReason(result.finishReason()));
		return new ChatCompletion(id, "chat.completion", created, result.model(), List.of(choice), Usage.from(result.usage()));
	}

	/** @param logprobs always {@code null}: log probabilities are not offered */
	record Choice(int index, Message message, @Nullable Object logprobs, String finishReason) {
	}

	/**
	 * @param content the text, {@code null} when the model only called tools
	 * @param refusal always {@code null}: the translated providers report no refusals apart from text
	 * @param toolCalls the tools the model called; left out when none
	 */
	record Message(String role, @Nullable String content, @Nullable String refusal,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<MessageToolCall> toolCalls) {
	}

	/** {@code {"id", "type": "function", "function": {"name", "arguments"}}}, the arguments as JSON text. */
	record MessageToolCall(String id, String type, Function function) {

		static MessageToolCall from(ToolCall call) {
			return new MessageToolCall(call.id(), "function", new Function(call.name(), call.arguments()));
		}
	}

	record Function(String name, String arguments) {
	}

	record Usage(int promptTokens, int completionTokens, int totalTokens) {

		static Usage from(TokenUsage usage) {
			return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
		}
	}

	/** OpenAI's finish reasons; providers that name them differently are mapped onto them. */
	static String finishReason(String reason) {
		if (reason == null) {
			return "stop";
		}
		return switch (reason) {
			case "length", "max_tokens" -> "length";
			case "content_filter", "tool_calls" -> reason;
			default -> "stop";
		};
	}
}
