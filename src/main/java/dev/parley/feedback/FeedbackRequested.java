package dev.parley.feedback;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A feedback request was created; its deliveries follow once it is committed. */
public record FeedbackRequested(UUID requestId, UUID recipientId, FeedbackKind kind, @Nullable UUID runId,
		@Nullable UUID stepId) {
}
