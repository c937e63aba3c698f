package dev.parley.ai;

/** One turn of a prompt. */
public record PromptMessage(Role role, String content) {

	public enum Role {

		SYSTEM, USER, ASSISTANT

	}

	public static PromptMessage system(String content) {
		return new PromptMessage(Role.SYSTEM, content);
	}

	public static PromptMessage user(String content) {
		return new PromptMessage(Role.USER, content);
	}

	public static PromptMessage assistant(String content) {
		return new PromptMessage(Role.ASSISTANT, content);
	}
}
