package dev.parley.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a channel needs to put one feedback request before one person.
 * @param options the answers to offer as buttons or links; empty for a free-text answer
 * @param context what the asking agent said about why it asks, shown with the question
 */
public record FeedbackDelivery(UUID requestId, UUID recipientId, String question, List<String> options,
		@Nullable String context, Instant deadline) {
}
