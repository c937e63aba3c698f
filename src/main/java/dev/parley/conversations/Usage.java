package dev.parley.conversations;

/**
 * The tokens a model's reply cost, as the provider reported them.
 *
 * @param promptTokens tokens of the input (history, system prompt, tools)
 * @param completionTokens tokens the model generated
 * @param totalTokens both together
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {

	public Usage {
		if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
			throw new IllegalArgumentException("Token counts cannot be negative");
		}
	}

	public static Usage of(int promptTokens, int completionTokens) {
		return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
	}
}
