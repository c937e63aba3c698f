package dev.parley.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A feedback request as stored: what it asks of whom, where it is delivered, until when, who asked,
 * and how it ended.
 *
 * @param expiredAt when its deadline passed while it kept waiting ({@link OnTimeout#WAIT})
 */
public record FeedbackRequest(UUID id, UUID recipientId, FeedbackKind kind, String question, List<String> options,
		@Nullable String context, List<String> channels, OnTimeout onTimeout, Instant deadline,
		@Nullable Instant escalateAt, List<String> escalateChannels, @Nullable UUID escalateToUserId,
		@Nullable Instant escalatedAt, @Nullable UUID requesterUserId, @Nullable UUID runId, @Nullable UUID stepId,
		FeedbackStatus status, @Nullable String answer, @Nullable UUID answeredBy, @Nullable String answeredVia,
		@Nullable Instant answeredAt, @Nullable Instant expiredAt, Instant createdAt, @Nullable Instant endedAt) {

	public FeedbackRequest {
		options = List.copyOf(options);
		channels = List.copyOf(channels);
		escalateChannels = List.copyOf(escalateChannels);
	}

	/** Whether this person may see and answer it: its recipient, or the person it was escalated to. */
	public boolean answerableBy(UUID userId) {
		return recipientId.equals(userId) || (escalatedAt != null && userId.equals(escalateToUserId));
	}

	/** What a channel needs to deliver it to {@code recipient}. */
	public FeedbackDelivery delivery(UUID recipient) {
		return new FeedbackDelivery(id, recipient, question, options, context, deadline);
	}
}
