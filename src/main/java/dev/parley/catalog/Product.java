package dev.parley.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * A product of a shop as the catalogue holds it. An inactive product exists for admins only; every
 * other reader sees it as absent. {@code popularity} counts its recorded affiliate clicks plus the
 * interactions reported through {@link Products#recordInteraction}; {@code externalId} is the id a
 * bulk import upserts it by.
 */
public record Product(UUID id, @Nullable String externalId, String name, String description, Money price,
		@Nullable UUID categoryId, List<String> tags, @Nullable String imageUrl, @Nullable String url,
		boolean featured, boolean active, JsonDocument attributes, long popularity, Instant createdAt,
		Instant updatedAt, long version) {
}
