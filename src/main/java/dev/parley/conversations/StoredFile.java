package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A file a user uploaded.
 * @param contentType what the bytes are, sniffed from them (never what the client declared)
 */
public record StoredFile(UUID id, UUID userId, String name, String contentType, long sizeBytes, String sha256,
		Instant createdAt) {
}
