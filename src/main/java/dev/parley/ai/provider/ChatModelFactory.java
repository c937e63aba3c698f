package dev.parley.ai.provider;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Builds the Spring AI {@link ChatModel} of one provider for one credential, and the options of
 * one call. Implementations configure base URL, key and timeouts, and turn the client's own
 * retries off: {@code Generations} retries.
 */
interface ChatModelFactory {

	/**
	 * A model talking to the provider with this key and base URL ({@code null} base URL: the default).
	 * @param guarded whether every connection of the model must pass the outbound address guard
	 *     ({@link GuardedHttp}): a user's base URL; not the operator's configured or the provider's default URL
	 */
	ChatModel create(ProviderCredential credential, boolean guarded);

	/**
	 * The options of one call: model, temperature, max tokens, usage in streams, and the call's
	 * tools as {@link DescribedTool}s.
	 */
	ChatOptions options(ProviderCall call);

	/**
	 * Whether the provider's wire takes a tool's result as JSON (Gemini): a result that is not JSON
	 * is then sent as a JSON string, which the provider reads as {@code {"result": "<text>"}}.
	 */
	default boolean resultsAsJson() {
		return false;
	}
}
