package dev.parley.ai.anthropic;

import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole answer as Anthropic's {@code message} object: text first, then one {@code tool_use} block
 * per tool call; the stop reason in Anthropic's words.
 *
 * @param id {@code msg_} and a unique suffix
 * @param type always {@code message}
 * @param role always {@code assistant}
 * @param model the Parley model id that answered
 * @param content the blocks of the answer
 * @param stopReason {@code end_turn}, {@code max_tokens}, {@code tool_use} or {@code refusal}
 * @param stopSequence always {@code null}: stop sequences are not supported yet
 * @param usage tokens used
 */
record AnthropicMessage(String id, String type, String role, String model, List<Block> content,
		@Nullable String stopReason, @Nullable String stopSequence, Usage usage) {

	static AnthropicMessage from(String id, GenerationResult result, JsonMapper json) {
		List<Block> content = new ArrayList<>();
		if (!result.content().isEmpty() || result.toolCalls().isEmpty()) {
			content.add(new TextBlock(result.content()));
		}
		for (ToolCall call : result.toolCalls()) {
			content.add(ToolUseBlock.of(call, json));
		}
		return new AnthropicMessage(id, "message", "assistant", result.model(), content,
				stopReason(result.finishReason()), null, Usage.from(result.usage()));
	}

	/** A content block of the answer, {@code text} or {@code tool_use}. */
	sealed interface Block {
	}

	/** @param type always {@code text} */
	record TextBlock(String type, String text) implements Block {

		TextBlock(String text) {
			this("text", text);
		}
	}

	/**
	 * @param type always {@code tool_use}
	 * @param input the arguments as a JSON object; arguments that are not one are sent as {@code {}}
	 */
	record ToolUseBlock(String type, String id, String name, JsonNode input) implements Block {

		static ToolUseBlock of(ToolCall call, JsonMapper json) {
			return new ToolUseBlock("tool_use", call.id(), call.name(), input(call.arguments(), json));
		}

		static JsonNode input(String arguments, JsonMapper json) {
			try {
				JsonNode input = json.readTree(arguments);
				return input.isObject() ? input : json.createObjectNode();
			}
			catch (RuntimeException ex) {
				return json.createObjectNode();
			}
		}
	}

	record Usage(int inputTokens, int outputTokens) {

		static Usage from(TokenUsage usage) {
			return new Usage(usage.promptTokens(), usage.completionTokens());
		}
	}

	/** Parley's finish reasons in Anthropic's words. */
	static String stopReason(@Nullable String finishReason) {
		if (finishReason == null) {
			return "end_turn";
		}
		return switch (finishReason) {
			case "length" -> "max_tokens";
			case "tool_calls" -> "tool_use";
			case "content_filter" -> "refusal";
			default -> "end_turn";
		};
	}
}
