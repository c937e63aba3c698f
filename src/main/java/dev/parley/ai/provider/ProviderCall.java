package dev.parley.ai.provider;

import java.util.List;

import dev.parley.ai.PromptMessage;

/**
 * One call to a provider.
 *
 * @param model the model name within the provider ({@code gpt-4o-mini})
 * @param messages the prompt, oldest first
 * @param temperature or {@code null} for the provider's default
 * @param maxTokens the most tokens to generate
 * @param credential the user's own key for this provider, or {@code null} for the server's
 * @param streamed whether the caller wants the answer as it is generated; a caller that waits for
 *     all of it is served by one whole-answer request, which costs a provider client far less than
 *     a stream of chunks. The answer is still a stream, of a single chunk
 */
public record ProviderCall(String model, List<PromptMessage> messages, Double temperature, int maxTokens,
		ProviderCredential credential, boolean streamed) {
}
