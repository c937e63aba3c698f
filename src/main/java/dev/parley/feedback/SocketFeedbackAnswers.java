package dev.parley.feedback;

import java.util.UUID;

import dev.parley.platform.InvalidFields;
import dev.parley.realtime.FeedbackAnswers;
import org.springframework.stereotype.Component;

/**
 * A WebSocket {@code feedback.answer}: an answer on the in-app channel, refused as
 * {@code POST /api/v1/feedback/{id}/answer} refuses it (404 not yours or missing, 409 decided
 * already, 400 not one of its options).
 */
@Component
class SocketFeedbackAnswers implements FeedbackAnswers {

	private final FeedbackInbox inbox;

	private final FeedbackRequests requests;

	SocketFeedbackAnswers(FeedbackInbox inbox, FeedbackRequests requests) {
		this.inbox = inbox;
		this.requests = requests;
	}

	@Override
	public void answer(UUID userId, UUID requestId, String answer) {
		if (answer.length() > FeedbackRequests.MAX_CONTEXT) {
			throw InvalidFields.of("answer", "must be at most " + FeedbackRequests.MAX_CONTEXT + " characters");
		}
		switch (inbox.answer(requestId, userId, InAppChannel.NAME, answer)) {
			case ACCEPTED -> {
			}
			case NOT_FOUND -> throw new FeedbackRequestNotFound();
			case NOT_AN_OPTION -> throw InvalidFields.of("answer",
					"must be one of " + String.join(", ", requests.get(requestId, userId).options()));
			case ALREADY_DECIDED -> throw new FeedbackAlreadyDecided(requests.get(requestId, userId).status());
		}
	}
}
