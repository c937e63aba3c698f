package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product as the recommender sees it: what it can be matched on. Only active products become
 * catalog items, so nothing inactive can ever be recommended.
 *
 * @param attributes the product's scalar attributes (nested values are left out), lower case
 */
public record CatalogItem(UUID id, String name, @Nullable UUID categoryId, Set<String> tags,
		@Nullable BigDecimal price, @Nullable String currency, Map<String, String> attributes) {

	public CatalogItem {
		tags = Set.copyOf(tags);
		attributes = Map.copyOf(attributes);
	}
}
