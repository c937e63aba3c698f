package dev.parley.catalog.recommendation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.catalog.Product;

/** Turns the catalogue's products into the recommender's items. */
final class CatalogItems {

	/** Attribute values longer than this are not matched on (descriptions, not tastes). */
	static final int MAX_ATTRIBUTE_VALUE = 60;

	private CatalogItems() {
	}

	/** The item of a product: tags lower case, scalar attributes only (nested values are not tastes). */
	static CatalogItem of(Product product) {
		Set<String> tags = product.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		Map<String, String> attributes = new LinkedHashMap<>();
		product.attributes().fields().forEach((key, value) -> {
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				String text = value.toString().toLowerCase(Locale.ROOT);
				if (text.length() <= MAX_ATTRIBUTE_VALUE) {
					attributes.put(key.toLowerCase(Locale.ROOT), text);
				}
			}
		});
		return new CatalogItem(product.id(), product.name(), product.categoryId(), tags, product.price().amount(),
				product.price().currency(), attributes);
	}
}
