package dev.parley.ai.provider;

import java.util.List;

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
 */
public record ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
		@Nullable ProviderCredential credential, boolean streamed, List<ToolDefinition> tools,
		@Nullable String outputSchema) {

	public ProviderCall {
		tools = tools == null ? List.of() : List.copyOf(tools);
	}

	/** A call for a free-text answer. */
	public ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
			@Nullable ProviderCredential credential, boolean streamed, List<ToolDefinition> tools) {
		this(model, messages, temperature, maxTokens, credential, streamed, tools, null);
	}

	/** A call without tools. */
	public ProviderCall(String model, List<PromptMessage> messages, @Nullable Double temperature, int maxTokens,
			@Nullable ProviderCredential credential, boolean streamed) {
		this(model, messages, temperature, maxTokens, credential, streamed, List.of(), null);
	}
}
