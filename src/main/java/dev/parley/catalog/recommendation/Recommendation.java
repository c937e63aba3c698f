package dev.parley.catalog.recommendation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One product recommended, with its blended score and the part of the blend that contributed most.
 */
public record Recommendation(UUID productId, double score, Reason reason) {

	/**
	 * Why a product is recommended.
	 * @param becauseOf for {@link Kind#SIMILAR_TO}: the product the person liked that it resembles most
	 * @param feature for {@link Kind#TASTE}: the feature the person likes that it has
	 * @param term for {@link Kind#CONTEXT}: the word of the context it matches
	 */
	public record Reason(Kind kind, @Nullable UUID becauseOf, @Nullable Feature feature, @Nullable String term) {

		static Reason similarTo(UUID productId) {
			return new Reason(Kind.SIMILAR_TO, productId, null, null);
		}

		static Reason taste(Feature feature) {
			return new Reason(Kind.TASTE, null, feature, null);
		}

		static Reason context(String term) {
			return new Reason(Kind.CONTEXT, null, null, term);
		}

		static Reason popular() {
			return new Reason(Kind.POPULAR, null, null, null);
		}
	}

	/** The part of the blend a reason names. */
	public enum Kind {
		SIMILAR_TO, TASTE, CONTEXT, POPULAR
	}
}
