package dev.parley.ai;

/**
 * Receives a streamed generation as it happens: any number of deltas and tool calls, then exactly
 * one of {@link #onComplete} or {@link #onFailure}. Called from the generation's own thread.
 */
public interface GenerationObserver {

	void onDelta(String text);

	/**
	 * A tool call, complete (its arguments assembled), as soon as the provider has sent all of it.
	 * The same calls are in the {@link GenerationResult} of {@link #onComplete}.
	 */
	default void onToolCall(ToolCall call) {
	}

	void onComplete(GenerationResult result);

	void onFailure(GenerationFailed failure);
}
