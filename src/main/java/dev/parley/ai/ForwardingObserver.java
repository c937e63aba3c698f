package dev.parley.ai;

/**
 * An observer that passes everything on to another; a wrapper overrides the ends it acts on
 * (settle a hold, store an answer) and calls {@code super} to pass them on.
 */
public abstract class ForwardingObserver implements GenerationObserver {

	private final GenerationObserver next;

	protected ForwardingObserver(GenerationObserver next) {
		this.next = next;
	}

	@Override
	public void onDelta(String text) {
		next.onDelta(text);
	}

	@Override
	public void onToolCall(ToolCall call) {
		next.onToolCall(call);
	}

	@Override
	public void onComplete(GenerationResult result) {
		next.onComplete(result);
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		next.onFailure(failure);
	}
}
