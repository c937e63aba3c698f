package dev.parley.ai.provider;

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
		JsonNode completion = ToolCalls.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
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
		String text = message.path("content").isString() ? message.path("content").asString()
				: message.path("refusal").asString("");
		List<ToolCall> calls = new ArrayList<>();
		for (JsonNode call : message.path("tool_calls").values()) {
			JsonNode function = call.path("function");
			calls.add(ToolCalls.of(call.path("id").asString(""), function.path("name").asString(""),
					function.path("arguments").asString("")));
		}
		String finishReason = FinishReasons.normalise(choice.path("finish_reason").asString(null));
		if (!calls.isEmpty() && (finishReason == null || "stop".equals(finishReason))) {
			finishReason = "tool_calls";
		}
		JsonNode usage = completion.path("usage");
		int prompt = usage.path("prompt_tokens").asInt(0);
		int generated = usage.path("completion_tokens").asInt(0);
		return new ProviderChunk(text, finishReason, prompt == 0 && generated == 0 ? null : new TokenUsage(prompt, generated),
				calls);
	}
}
