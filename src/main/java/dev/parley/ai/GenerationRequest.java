package dev.parley.ai;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to generate and for whom.
 *
 * @param userId the user the call is made for: their own provider key is preferred, usage is theirs
 * @param model a {@code provider/model} id; {@code null} for the server's default model
 * @param messages the prompt, oldest first
 * @param temperature sampling temperature, or {@code null} for the provider's default
 * @param maxTokens the most tokens to generate, or {@code null} for the server's cap
 * @param chatId the chat the answer is for, or {@code null}; recorded with the usage
 * @param tools the tools the model may call; empty for none
 * @param outputSchema a JSON Schema (of an object) the answer must be JSON of, sent as the
 *     provider's native structured output where it has one; {@code null} for free text
 * @param options sampling and shape beyond temperature and length (top_p, stop, seed, tool choice ...)
 * @param cache whether to answer from (and store in) the response cache, or {@code null} for not;
 *     only for a request {@link CacheDirective#refusal(GenerationRequest) that may be cached}
 */
public record GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
		@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable UUID chatId, List<ToolDefinition> tools,
		@Nullable String outputSchema, GenerationOptions options, @Nullable CacheDirective cache) {

	public GenerationRequest {
		messages = List.copyOf(messages);
		tools = tools == null ? List.of() : List.copyOf(tools);
		options = options == null ? GenerationOptions.DEFAULT : options;
	}

	/** A request not answered from the response cache. */
	public GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
			@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable UUID chatId, List<ToolDefinition> tools,
			@Nullable String outputSchema, GenerationOptions options) {
		this(userId, model, messages, temperature, maxTokens, chatId, tools, outputSchema, options, null);
	}

	/** The same request, answered from the response cache when it can be. */
	public GenerationRequest cached(@Nullable CacheDirective directive) {
		return new GenerationRequest(userId, model, messages, temperature, maxTokens, chatId, tools, outputSchema,
				options, directive);
	}

	/** A request with the providers' default sampling. */
	public GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
			@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable UUID chatId, List<ToolDefinition> tools,
			@Nullable String outputSchema) {
		this(userId, model, messages, temperature, maxTokens, chatId, tools, outputSchema, GenerationOptions.DEFAULT);
	}

	/** A request for a free-text answer. */
	public GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
			@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable UUID chatId, List<ToolDefinition> tools) {
		this(userId, model, messages, temperature, maxTokens, chatId, tools, null, GenerationOptions.DEFAULT);
	}

	/** A request without tools. */
	public GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
			@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable UUID chatId) {
		this(userId, model, messages, temperature, maxTokens, chatId, List.of(), null, GenerationOptions.DEFAULT);
	}

	/** A request without tools that belongs to no chat. */
	public GenerationRequest(@Nullable UUID userId, @Nullable String model, List<PromptMessage> messages,
			@Nullable Double temperature, @Nullable Integer maxTokens) {
		this(userId, model, messages, temperature, maxTokens, null, List.of(), null, GenerationOptions.DEFAULT);
	}
}
