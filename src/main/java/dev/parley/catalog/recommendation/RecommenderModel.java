package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the recommender knows of the catalogue and of everyone at one moment: the active items with
 * their features, each item's popularity and its nearest neighbours. Immutable; built by a refresh
 * and then shared by every request until the next one.
 */
public final class RecommenderModel {

	private final List<CatalogItem> items;

	private final Map<UUID, Integer> positions = new HashMap<>();

	private final List<Feature> features = new ArrayList<>();

	private final Map<Feature, Integer> featureIds = new HashMap<>();

	private final int[][] itemFeatures;

	/** Per item and feature, how much a match on it counts: the kind's weight, shared among the item's features of that kind. */
	private final double[][] featureWeights;

	private final double[] popularity;

	private final double[] positiveCounts;

	private final ItemSimilarities similarities;

	private final Instant builtAt;

	private RecommenderModel(List<CatalogItem> items, double[] positiveCounts, ItemSimilarities similarities,
			Instant builtAt) {
		if (positiveCounts.length != items.size() || similarities.itemCount() != items.size()) {
			throw new IllegalArgumentException("Counts and similarities must cover every item");
		}
		this.items = List.copyOf(items);
		this.similarities = similarities;
		this.builtAt = builtAt;
		this.positiveCounts = positiveCounts.clone();
		this.itemFeatures = new int[items.size()][];
		this.featureWeights = new double[items.size()][];
		for (int i = 0; i < this.items.size(); i++) {
			positions.put(this.items.get(i).id(), i);
			List<Feature> of = Feature.of(this.items.get(i));
			itemFeatures[i] = of.stream().mapToInt(this::featureId).toArray();
			Map<Feature.Kind, Long> perKind = new java.util.EnumMap<>(Feature.Kind.class);
			of.forEach(feature -> perKind.merge(feature.kind(), 1L, Long::sum));
			featureWeights[i] = of.stream()
				.mapToDouble(feature -> feature.kind().weight() / perKind.get(feature.kind()))
				.toArray();
		}
		double max = 0;
		for (double count : positiveCounts) {
			max = Math.max(max, count);
		}
		this.popularity = new double[items.size()];
		for (int i = 0; i < popularity.length; i++) {
			popularity[i] = max == 0 ? 0 : Math.log1p(positiveCounts[i]) / Math.log1p(max);
		}
	}

	/**
	 * A model from neighbour lists computed earlier (loaded from storage).
	 * @param positiveCounts per item position, how many people gave it a positive signal
	 */
	public static RecommenderModel of(List<CatalogItem> items, double[] positiveCounts, ItemSimilarities similarities,
			Instant builtAt) {
		return new RecommenderModel(items, positiveCounts, similarities, builtAt);
	}

	/** A model computed from everyone's signals, positions into {@code items}. */
	public static RecommenderModel compute(List<CatalogItem> items, InteractionMatrix signals, int neighbourCount,
			Instant builtAt) {
		return new RecommenderModel(items, signals.positiveCounts(), ItemSimilarities.compute(signals, neighbourCount),
				builtAt);
	}

	/** A model with no signals at all: content and nothing else. */
	public static RecommenderModel empty(List<CatalogItem> items, Instant builtAt) {
		return compute(items, InteractionMatrix.builder(items.size()).build(), 0, builtAt);
	}

	private int featureId(Feature feature) {
		return featureIds.computeIfAbsent(feature, key -> {
			features.add(key);
			return features.size() - 1;
		});
	}

	public List<CatalogItem> items() {
		return items;
	}

	public int size() {
		return items.size();
	}

	/** The position of an active item, or -1 for one the model does not know (unknown or inactive). */
	public int position(UUID productId) {
		Integer position = positions.get(productId);
		return position == null ? -1 : position;
	}

	public boolean contains(UUID productId) {
		return positions.containsKey(productId);
	}

	public @Nullable CatalogItem item(UUID productId) {
		int position = position(productId);
		return position < 0 ? null : items.get(position);
	}

	CatalogItem item(int position) {
		return items.get(position);
	}

	int[] features(int item) {
		return itemFeatures[item];
	}

	double[] featureWeights(int item) {
		return featureWeights[item];
	}

	Feature feature(int id) {
		return features.get(id);
	}

	int featureCount() {
		return features.size();
	}

	double popularity(int item) {
		return popularity[item];
	}

	double positiveCount(int item) {
		return positiveCounts[item];
	}

	ItemSimilarities similarities() {
		return similarities;
	}

	public Instant builtAt() {
		return builtAt;
	}

	public long neighbourPairs() {
		return similarities.pairCount();
	}
}
