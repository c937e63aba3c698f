package dev.parley.feedback;

/** A channel could not deliver a request; the message says why, without secrets. */
public class FeedbackDeliveryFailed extends RuntimeException {

	public FeedbackDeliveryFailed(String message) {
		super(message);
	}

	public FeedbackDeliveryFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
