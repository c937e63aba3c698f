package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API key as its owner sees it after creation: never the key itself, only its prefix.
 *
 * @param id its id
 * @param name what the owner called it
 * @param prefix the first characters of the key ({@code pk_} and 8 more), to tell keys apart
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or {@code null} for never
 * @param lastUsedAt when it last authenticated a request (to the minute), or {@code null}
 * @param limits what the key may do
 */
record ApiKey(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant lastUsedAt, ApiKeyLimits limits) {
}
