package dev.parley.ai.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import tools.jackson.databind.JsonNode;

/**
 * Reads a whole OpenAI-compatible {@code chat.completion} into one {@link ProviderChunk}: the first
 * choice's text (its {@code content}, or a {@code refusal}'s words; reasoning fields are left out),
 * its tool calls (a call without id gets one of ours, {@link ToolCalls}), its finish reason in
 * {@link FinishReasons}' words ({@code tool_calls} whenever there are calls) and the usage.
 */
final class OpenAiChatAnswer {

	private OpenAiChatAnswer() {
	}

	/**
	 * @throws ProviderError when the body is not a chat completion, or is an error object
	 */
	static ProviderChunk read(String provider, byte[] body) {
		JsonNode completion = ToolCalls.parse(new String(body, StandardCharsets.UTF_8));
		if (completion == null || !completion.isObject()) {
			throw new ProviderError(0, null, provider + " answered with something that is not a chat completion",
					new IllegalArgumentException("not a JSON object"));
		}
		if (completion.has("error") && !completion.get("error").isNull()) {
			ProviderRefusal said = ErrorBodies.refusal(provider, 0, null, body);
			throw new ProviderRefusal(0, null, provider + " answered with an error", said.upstreamMessage(), said.param(),
					said.code());
		}
		JsonNode choice = completion.path("choices").path(0);
		JsonNode message = choice.path("message");
		String text = message.path("content").isString() ? text(message.path("content")) : text(message.path("refusal"));
		List<ToolCall> calls = new ArrayList<>();
		for (JsonNode call : message.path("tool_calls").values()) {
			JsonNode function = call.path("function");
			calls.add(ToolCalls.of(text(call.path("id")), text(function.path("name")), text(function.path("arguments"))));
		}
		String finishReason = FinishReasons.normalise(text(choice.path("finish_reason")));
		if (!calls.isEmpty() && (finishReason == null || "stop".equals(finishReason))) {
			finishReason = "tool_calls";
		}
		JsonNode usage = completion.path("usage");
		int prompt = usage.path("prompt_tokens").asInt(0);
		int generated = usage.path("completion_tokens").asInt(0);
		return new ProviderChunk(text, finishReason, prompt == 0 && generated == 0 ? null : new TokenUsage(prompt, generated),
				calls);
	}

	/** A string's value; {@code ""} for anything else (absent, {@code null}, not a string). */
	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : "";
	}
}
