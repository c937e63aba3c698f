package dev.parley.feedback;

/**
 * A way to reach a person with a feedback request: {@code in_app}, {@code email}, {@code slack}.
 * A channel delivers; it never decides. Answers it receives go to {@link FeedbackInbox}.
 */
public interface FeedbackChannel {

	/** The name a request lists in its {@code channels}: {@code in_app}, {@code email}, {@code slack}. */
	String name();

	/**
	 * Delivers the request to its recipient. Throws {@link FeedbackDeliveryFailed} when it could
	 * not (no address set, the SMTP server or Slack refused); the request records the failure and
	 * stays answerable on its other channels.
	 */
	void deliver(FeedbackDelivery delivery);
}
