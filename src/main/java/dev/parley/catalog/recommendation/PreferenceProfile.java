package dev.parley.catalog.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's taste per feature (category, tag, price band, attribute value), learnt from their net
 * signals on the products that have it. Affinity is the sum of the weights over the sum of their
 * sizes plus one, so it lies in (-1, 1) and one like counts for less than ten; confidence is
 * {@code n / (n + 3)} for {@code n} products seen with the feature.
 */
public final class PreferenceProfile {

	/** Products seen with a feature at which confidence is one half. */
	static final double CONFIDENCE_HALF = 3.0;

	private final double[] affinity;

	private final int[] seen;

	private final int[] liked;

	private final int[] disliked;

	private final int signalCount;

	private final double[] evidence;

	private final RecommenderModel model;

	private PreferenceProfile(RecommenderModel model, double[] affinity, int[] seen, int[] liked, int[] disliked,
			int signalCount) {
		this.model = model;
		this.affinity = affinity;
		this.seen = seen;
		this.liked = liked;
		this.disliked = disliked;
		this.signalCount = signalCount;
		this.evidence = new double[affinity.length];
		for (int feature = 0; feature < affinity.length; feature++) {
			evidence[feature] = affinity[feature] * confidence(feature);
		}
	}

	/** The profile of a person's net signals (product id to weight); products the model does not know are ignored. */
	public static PreferenceProfile of(RecommenderModel model, Map<UUID, Double> signals) {
		int features = model.featureCount();
		double[] sum = new double[features];
		double[] size = new double[features];
		int[] seen = new int[features];
		int[] liked = new int[features];
		int[] disliked = new int[features];
		int count = 0;
		for (Map.Entry<UUID, Double> signal : signals.entrySet()) {
			int item = model.position(signal.getKey());
			if (item < 0) {
				continue;
			}
			count++;
			double weight = signal.getValue();
			for (int feature : model.features(item)) {
				sum[feature] += weight;
				size[feature] += Math.abs(weight);
				seen[feature]++;
				if (weight > 0) {
					liked[feature]++;
				}
				else if (weight < 0) {
					disliked[feature]++;
				}
			}
		}
		double[] affinity = new double[features];
		for (int feature = 0; feature < features; feature++) {
			affinity[feature] = seen[feature] == 0 ? 0 : sum[feature] / (size[feature] + 1);
		}
		return new PreferenceProfile(model, affinity, seen, liked, disliked, count);
	}

	/** How many of the person's signals are about products the model knows. */
	public int signalCount() {
		return signalCount;
	}

	double affinity(int feature) {
		return affinity[feature];
	}

	double confidence(int feature) {
		return seen[feature] / (seen[feature] + CONFIDENCE_HALF);
	}

	/** Affinity weighted by confidence: what content scoring uses. */
	double evidence(int feature) {
		return evidence[feature];
	}

	/** Every feature the person has shown anything about, strongest evidence first. */
	public List<Entry> entries() {
		List<Entry> entries = new ArrayList<>();
		for (int feature = 0; feature < affinity.length; feature++) {
			if (seen[feature] > 0) {
				entries.add(new Entry(model.feature(feature), affinity[feature], confidence(feature), seen[feature],
						liked[feature], disliked[feature]));
			}
		}
		entries.sort(Comparator.comparingDouble((Entry entry) -> -Math.abs(entry.affinity() * entry.confidence()))
			.thenComparing(entry -> entry.feature().kind())
			.thenComparing(entry -> entry.feature().value()));
		return entries;
	}

	/**
	 * The taste for one feature.
	 * @param affinity in (-1, 1): below zero the person tends to refuse products with it
	 * @param confidence in [0, 1): how much evidence there is
	 * @param seen products with the feature the person gave a signal to
	 */
	public record Entry(Feature feature, double affinity, double confidence, int seen, int liked, int disliked) {
	}
}
