package dev.parley.feedback;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Nobody answered a feedback request by its deadline, and it does not wait longer: whoever asked
 * goes on as {@code onTimeout} says (deny, approve or halt) — as a timeout, not a person's decision.
 */
public record FeedbackTimedOut(UUID requestId, UUID recipientId, FeedbackKind kind, @Nullable UUID runId,
		@Nullable UUID stepId, OnTimeout onTimeout, Instant deadline) {
}
