package dev.parley.catalog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A node of the category tree: a root when it has no parent. Sibling names are unique, ignoring case. */
public record Category(UUID id, @Nullable UUID parentId, String name, Instant createdAt, Instant updatedAt,
		long version) {
}
