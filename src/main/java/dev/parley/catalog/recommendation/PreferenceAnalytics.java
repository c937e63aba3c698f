package dev.parley.catalog.recommendation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.catalog.Categories;
import dev.parley.catalog.Category;
import dev.parley.catalog.Products;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A person's preference profile as the analytics endpoint shows it. It is computed from their
 * signals over the products they gave them to, read now, so it is exact even for products added
 * since the recommender's last refresh.
 */
@Component
class PreferenceAnalytics {

	private final SignalStore signals;

	private final SwipeStore swipes;

	private final Products products;

	private final Categories categories;

	private final Clock clock;

	PreferenceAnalytics(SignalStore signals, SwipeStore swipes, Products products, Categories categories, Clock clock) {
		this.signals = signals;
		this.swipes = swipes;
		this.products = products;
		this.categories = categories;
		this.clock = clock;
	}

	ProfileResponse profile(UUID userId) {
		Map<UUID, Double> net = signals.netSignals(userId);
		List<CatalogItem> items = products.findActive(net.keySet()).stream().map(CatalogItems::of).toList();
		PreferenceProfile profile = PreferenceProfile.of(RecommenderModel.empty(items, clock.instant()), net);
		Map<UUID, String> names = new HashMap<>();
		for (Category category : categories.all()) {
			names.put(category.id(), category.name());
		}
		List<Affinity> byCategory = new ArrayList<>();
		List<Affinity> byTag = new ArrayList<>();
		List<Affinity> byPrice = new ArrayList<>();
		List<Affinity> byAttribute = new ArrayList<>();
		for (PreferenceProfile.Entry entry : profile.entries()) {
			String value = entry.feature().value();
			switch (entry.feature().kind()) {
				case CATEGORY -> byCategory.add(Affinity.of(entry, value, names.get(UUID.fromString(value))));
				case TAG -> byTag.add(Affinity.of(entry, value, null));
				case PRICE_BAND -> byPrice.add(Affinity.of(entry, value, null));
				case ATTRIBUTE -> byAttribute.add(Affinity.of(entry, value, null));
			}
		}
		return new ProfileResponse(profile.signalCount(), swipes.directionCounts(userId), byCategory, byTag, byPrice,
				byAttribute);
	}

	/**
	 * The profile.
	 * @param signals products with a signal (swipes and recommendation interactions), active ones
	 * @param swipes swipes per direction, over every session
	 */
	record ProfileResponse(int signals, Map<String, Long> swipes, List<Affinity> categories, List<Affinity> tags,
			List<Affinity> priceBands, List<Affinity> attributes) {
	}

	/**
	 * One feature's affinity.
	 * @param value the category id, the tag, the price band ({@code 25-50}) or {@code attribute=value}
	 * @param name the category's name, for categories
	 */
	record Affinity(String value, @Nullable String name, double affinity, double confidence, int count, int likes,
			int dislikes) {

		static Affinity of(PreferenceProfile.Entry entry, String value, @Nullable String name) {
			return new Affinity(value, name, round(entry.affinity()), round(entry.confidence()), entry.seen(),
					entry.liked(), entry.disliked());
		}

		private static double round(double value) {
			return Math.round(value * 1000) / 1000.0;
		}
	}
}
