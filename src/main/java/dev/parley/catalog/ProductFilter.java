package dev.parley.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a product list asks for; every part is optional. {@code categoryId} includes its descendant
 * categories, {@code tags} must all be present, {@code active} null means active products only for
 * users and every product for admins.
 */
record ProductFilter(@Nullable String query, @Nullable UUID categoryId, @Nullable BigDecimal minPrice,
		@Nullable BigDecimal maxPrice, List<String> tags, @Nullable Boolean featured, @Nullable Boolean active) {

	boolean searches() {
		return query != null && !query.isBlank();
	}
}
