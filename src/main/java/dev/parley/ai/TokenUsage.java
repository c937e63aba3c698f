package dev.parley.ai;

/** Tokens a generation consumed, as the provider reported them. */
public record TokenUsage(int promptTokens, int completionTokens) {

	public static final TokenUsage NONE = new TokenUsage(0, 0);

	public int totalTokens() {
		return promptTokens + completionTokens;
	}
}
