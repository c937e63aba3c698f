package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Something a product has that a taste can be about: its category, a tag, its price band, or an
 * attribute's value.
 */
public record Feature(Kind kind, String value) {

	/** What a feature is about, and how much a match on it counts in content scoring. */
	public enum Kind {

		CATEGORY(1.0), TAG(0.7), PRICE_BAND(0.5), ATTRIBUTE(0.5);

		private final double weight;

		Kind(double weight) {
			this.weight = weight;
		}

		double weight() {
			return weight;
		}

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Price bands, by their upper bounds (the last is open). */
	static final int[] PRICE_BOUNDS = { 25, 50, 100, 250 };

	/** The band a price falls in: {@code 0-25}, {@code 25-50}, {@code 50-100}, {@code 100-250}, {@code 250+}. */
	public static String priceBand(BigDecimal price) {
		int lower = 0;
		for (int bound : PRICE_BOUNDS) {
			if (price.compareTo(BigDecimal.valueOf(bound)) < 0) {
				return lower + "-" + bound;
			}
			lower = bound;
		}
		return lower + "+";
	}

	/** Every feature of an item. */
	static List<Feature> of(CatalogItem item) {
		List<Feature> features = new ArrayList<>();
		if (item.categoryId() != null) {
			features.add(new Feature(Kind.CATEGORY, item.categoryId().toString()));
		}
		item.tags().stream().sorted().forEach(tag -> features.add(new Feature(Kind.TAG, tag)));
		@Nullable BigDecimal price = item.price();
		if (price != null) {
			features.add(new Feature(Kind.PRICE_BAND, priceBand(price)));
		}
		item.attributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
			.forEach(entry -> features.add(new Feature(Kind.ATTRIBUTE, entry.getKey() + "=" + entry.getValue())));
		return features;
	}
}
