package dev.parley.ai;

import java.util.List;
import java.util.UUID;

/**
 * What to generate and for whom.
 *
 * @param userId the user the call is made for: their own provider key is preferred, usage is theirs
 * @param model a {@code provider/model} id; {@code null} for the server's default model
 * @param messages the prompt, oldest first
 * @param temperature sampling temperature, or {@code null} for the provider's default
 * @param maxTokens the most tokens to generate, or {@code null} for the server's cap
 * @param chatId the chat the answer is for, or {@code null}; recorded with the usage
 */
public record GenerationRequest(UUID userId, String model, List<PromptMessage> messages, Double temperature,
		Integer maxTokens, UUID chatId) {

	public GenerationRequest {
		messages = List.copyOf(messages);
	}

	/** A request that belongs to no chat. */
	public GenerationRequest(UUID userId, String model, List<PromptMessage> messages, Double temperature,
			Integer maxTokens) {
		this(userId, model, messages, temperature, maxTokens, null);
	}
}
