package dev.parley.feedback;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person answered a feedback request, first: whoever asked goes on with the answer.
 * @param answeredVia the channel it came through: {@code in_app}, {@code email}, {@code slack}
 */
public record FeedbackAnswered(UUID requestId, UUID recipientId, FeedbackKind kind, @Nullable UUID runId,
		@Nullable UUID stepId, String answer, UUID answeredBy, String answeredVia) {
}
