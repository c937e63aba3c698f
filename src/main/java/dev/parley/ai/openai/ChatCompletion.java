package dev.parley.ai.openai;

import java.util.List;

import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;

/**
 * A whole answer, as OpenAI's {@code chat.completion} object.
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
		Choice choice = new Choice(0, new Message("assistant", result.content()), finishReason(result.finishReason()));
		return new ChatCompletion(id, "chat.completion", created, result.model(), List.of(choice), Usage.from(result.usage()));
	}

	record Choice(int index, Message message, String finishReason) {
	}

	record Message(String role, String content) {
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
