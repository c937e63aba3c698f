package dev.parley.catalog.recommendation;

/**
 * How the parts of a score are mixed: each part is scaled to [-1, 1] (popularity and context to
 * [0, 1]) and multiplied by its weight. Collaborative filtering and content count more as the person
 * gives more signals ({@code n / (n + ramp)}); popularity counts less.
 *
 * @param collaborative item-item similarity to what the person liked (and against what they refused)
 * @param content affinity to the product's category, tags, price band and attributes
 * @param popularity how many people liked the product
 * @param context how well the product matches the request's occasion, recipient or context words
 * @param ramp signals at which the personal parts reach half their weight
 */
public record Blend(double collaborative, double content, double popularity, double context, double ramp) {

	/** The weights production uses, chosen on the offline evaluation (docs/recommendations.md). */
	public static final Blend DEFAULT = new Blend(1.0, 0.6, 0.35, 0.5, 2.0);

	double personal(int signals) {
		return signals / (signals + ramp);
	}
}
