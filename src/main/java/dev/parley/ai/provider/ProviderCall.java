package dev.parley.ai.provider;

import java.util.List;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One call to a provider.
 *
 * @param model the model name within the provider ({@code gpt-4o-mini})
 * @param messages the prompt, oldest first, tool calls and tool results included
 * @param temperature or {@code null} for the provider's default
 * @param maxTokens the most tokens to generate
 * @param credential the user's own key for this provider, or {@code null} for the server's
 * @param streamed whether the caller wants the answer as it is generated; a caller that waits for
 *     all of it is served by one whole-answer request, which costs a provider client far less than
 *     a stream of chunks. The answer is still a stream, of a single chunk
 * @param tools the tools the model may call; empty for none
 * @param outputSchema the JSON Schema of the answer, for the provider's native structured output;
 *     {@code null} for free text
 * @param options top_p, stop, seed, tool choice, JSON mode: each adapter maps what its provider
 *     takes (see {@link ProviderCapabilities} for what that is)
 */
public record ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
		@Nullable ProviderCredential credential, boolean streamed, List<ToolDefinition> tools,
		@Nullable String outputSchema, GenerationOptions options) {

	public ProviderCall {
		tools = tools == null ? List.of() : List.copyOf(tools);
		options = options == null ? GenerationOptions.DEFAULT : options;
	}

	/** A call with the provider's default sampling. */
	public ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
			@Nullable ProviderCredential credential, boolean streamed, List<ToolDefinition> tools,
			@Nullable String outputSchema) {
		this(model, messages, temperature, maxTokens, credential, streamed, tools, outputSchema, GenerationOptions.DEFAULT);
	}

	/** The tools to offer: none when the options say the model must not call any. */
	public List<ToolDefinition> offeredTools() {
		return options.noTools() ? List.of() : tools;
	}

	/** A call for a free-text answer. */
	public ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
			@Nullable ProviderCredential credential, boolean streamed, List<ToolDefinition> tools) {
		this(model, messages, temperature, maxTokens, credential, streamed, tools, null, GenerationOptions.DEFAULT);
	}

	/** A call without tools. */
	public ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
			@Nullable ProviderCredential credential, boolean streamed) {
		this(model, messages, temperature, maxTokens, credential, streamed, List.of(), null, GenerationOptions.DEFAULT);
	}
}
