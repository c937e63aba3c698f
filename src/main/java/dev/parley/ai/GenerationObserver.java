package dev.parley.ai;

/**
 * Receives a streamed generation as it happens: any number of deltas, then exactly one of
 * {@link #onComplete} or {@link #onFailure}. Called from the generation's own thread.
 */
public interface GenerationObserver {

	void onDelta(String text);

	void onComplete(GenerationResult result);

	void onFailure(GenerationFailed failure);
}
