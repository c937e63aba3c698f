package dev.parley.analytics.exports;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One export of a user's data.
 * @param status {@code pending}, {@code running}, {@code ready} (the zip can be fetched until
 *     {@code expiresAt}) or {@code failed}
 */
record DataExport(UUID id, UUID userId, String status, @Nullable String error, @Nullable Long sizeBytes,
		Instant createdAt, @Nullable Instant completedAt, @Nullable Instant expiresAt) {
}
