package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One swipe of a product in a session: the latest direction given to it there. */
record Swipe(UUID sessionId, UUID productId, Feedback direction, @Nullable Integer dwellMs, Instant createdAt,
		Instant updatedAt) {
}
