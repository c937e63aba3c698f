package dev.parley.catalog.recommendation;

import java.util.Map;
import java.util.UUID;

/** Says in words why a product is recommended. */
final class Reasons {

	private Reasons() {
	}

	static String text(Recommendation.Reason reason, RecommenderModel model, Map<UUID, String> categoryNames) {
		return switch (reason.kind()) {
			case SIMILAR_TO -> {
				CatalogItem liked = reason.becauseOf() == null ? null : model.item(reason.becauseOf());
				yield liked == null ? "Liked by people with tastes like yours" : "Because you liked " + liked.name();
			}
			case TASTE -> taste(reason.feature(), categoryNames);
			case CONTEXT -> "Fits \"" + reason.term() + "\"";
			case POPULAR -> "Popular with other shoppers";
		};
	}

	private static String taste(Feature feature, Map<UUID, String> categoryNames) {
		if (feature == null) {
			return "Matches your taste";
		}
		return switch (feature.kind()) {
			case CATEGORY -> "You like " + categoryNames.getOrDefault(UUID.fromString(feature.value()), "this category");
			case TAG -> "You like things tagged " + feature.value();
			case PRICE_BAND -> "In the price range you like (" + feature.value() + ")";
			case ATTRIBUTE -> "You like " + feature.value().replace("=", ": ");
		};
	}
}
