package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.GenerationRequest;
import dev.parley.ai.PromptMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/chat/completions} as OpenAI defines it, reduced to what Parley
 * honours; other fields are ignored. A message's {@code content} is a string or an array of
 * {@code {"type": "text", "text": ...}} parts; {@code developer} messages count as system messages.
 *
 * @param model a Parley model id ({@code provider/model}), as {@code GET /v1/models} lists them
 * @param messages the conversation, oldest first
 * @param temperature 0 to 2, or {@code null} for the model's default
 * @param maxTokens the legacy name of {@code max_completion_tokens}
 * @param maxCompletionTokens the most tokens to generate; wins over {@code max_tokens}
 * @param n how many choices; only 1 is supported
 * @param stream whether to answer with Server-Sent Events
 * @param streamOptions {@code include_usage} adds a final chunk with the usage to a stream
 */
record ChatCompletionRequest(@NotBlank String model, @NotEmpty List<@NotNull @Valid Message> messages,
		@DecimalMin("0") @DecimalMax("2") @Nullable Double temperature, @Positive @Nullable Integer maxTokens,
		@Positive @Nullable Integer maxCompletionTokens, @Nullable Integer n, @Nullable Boolean stream,
		@Nullable StreamOptions streamOptions) {

	record Message(@NotBlank String role, @Nullable JsonNode content) {
	}

	record StreamOptions(@Nullable Boolean includeUsage) {
	}

	boolean streamed() {
		return Boolean.TRUE.equals(stream);
	}

	boolean includeUsage() {
		return streamed() && streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
	}

	/** The generation this request asks for, on behalf of {@code userId}. */
	GenerationRequest toGenerationRequest(UUID userId) {
		if (n != null && n != 1) {
			throw new InvalidChatRequest("n", "Only n=1 is supported.");
		}
		List<PromptMessage> prompt = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			prompt.add(toPrompt(messages.get(i), "messages[" + i + "]"));
		}
		Integer limit = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
		return new GenerationRequest(userId, model, prompt, temperature, limit);
	}

	private static PromptMessage toPrompt(Message message, String path) {
		PromptMessage.Role role = switch (message.role()) {
			case "system", "developer" -> PromptMessage.Role.SYSTEM;
			case "user" -> PromptMessage.Role.USER;
			case "assistant" -> PromptMessage.Role.ASSISTANT;
			default -> throw new InvalidChatRequest(path + ".role", "Unsupported role '" + message.role()
					+ "': use system, developer, user or assistant (tool calls are not supported).");
		};
		return new PromptMessage(role, text(message.content(), role, path + ".content"));
	}

	private static String text(@Nullable JsonNode content, PromptMessage.Role role, String path) {
		if (content == null || content.isNull()) {
			if (role == PromptMessage.Role.ASSISTANT) {
				return "";
			}
			throw new InvalidChatRequest(path, "Content is required.");
		}
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw new InvalidChatRequest(path, "Content must be a string or an array of text parts.");
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			JsonNode text = part.get("text");
			if (!part.isObject() || !"text".equals(part.path("type").asString(null)) || text == null || !text.isString()) {
				throw new InvalidChatRequest(path + "[" + i + "]",
						"Only parts of type 'text' with a string 'text' are supported.");
			}
			parts.add(text.asString());
		}
		return String.join("\n", parts);
	}
}
