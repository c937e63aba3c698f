package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A user's swipe session and the context it was started for. */
record SwipeSession(UUID id, UUID userId, @Nullable String occasion, @Nullable String recipient,
		@Nullable BigDecimal budgetAmount, @Nullable String budgetCurrency, Instant createdAt, int swipeCount) {
}
