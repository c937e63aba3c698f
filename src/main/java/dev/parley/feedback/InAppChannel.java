package dev.parley.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.realtime.UserNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The in-app channel: every request is listed at {@code GET /api/v1/feedback} for its recipient,
 * and pushed as a {@code feedback.request} frame to their live WebSocket sessions when this server
 * has them ({@link UserNotifications}).
 */
@Component
class InAppChannel implements FeedbackChannel {

	static final String NAME = "in_app";

	static final String FRAME = "feedback.request";

	private final ObjectProvider<UserNotifications> notifications;

	InAppChannel(ObjectProvider<UserNotifications> notifications) {
		this.notifications = notifications;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(FeedbackDelivery delivery) {
		UserNotifications push = notifications.getIfAvailable();
		if (push != null) {
			push.notify(delivery.recipientId(), FRAME, new Frame(delivery.requestId(), delivery.question(),
					delivery.options(), delivery.context(), delivery.deadline()));
		}
	}

	/** The frame's fields after its {@code type}. */
	record Frame(UUID requestId, String question, List<String> options, @Nullable String context, Instant deadline) {
	}
}
