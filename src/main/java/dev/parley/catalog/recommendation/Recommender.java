package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

/**
 * Ranks the model's items for one person: the {@link Blend} of item-item similarity to their signals
 * (a dislike subtracts what it resembles), content affinity from their {@link PreferenceProfile},
 * popularity, and the request's context words. Products the person already gave a signal to are
 * never offered again. Thread-safe; costs one pass over the catalogue and the neighbours of the
 * person's products.
 */
public final class Recommender {

	private final Blend blend;

	public Recommender(Blend blend) {
		this.blend = blend;
	}

	/**
	 * What to recommend.
	 * @param limit how many products at most
	 * @param maxPrice only products at or under it (products without a price are left out then)
	 * @param currency with {@code maxPrice}: only products priced in this currency; {@code null} for any
	 * @param context words of the occasion, recipient or context that should be matched
	 * @param exclude products not to offer (already shown)
	 */
	public record Query(int limit, @Nullable BigDecimal maxPrice, @Nullable String currency, Set<String> context,
			Set<UUID> exclude) {

		public Query {
			context = context.stream().map(term -> term.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
			exclude = Set.copyOf(exclude);
		}

		public static Query top(int limit) {
			return new Query(limit, null, null, Set.of(), Set.of());
		}
	}

	/** The best products for a person with these net signals (product id to weight). */
	public List<Recommendation> recommend(RecommenderModel model, Map<UUID, Double> signals, Query query) {
		return rank(model, signals, query.context()).top(query.limit(), allowed(model, signals, query));
	}

	/** Scores every item for a person; {@link Ranking#top} then picks among them. */
	public Ranking rank(RecommenderModel model, Map<UUID, Double> signals, Set<String> context) {
		int size = model.size();
		double[] collaborative = new double[size];
		int[] strongestSource = new int[size];
		double[] strongestContribution = new double[size];
		java.util.Arrays.fill(strongestSource, -1);
		PreferenceProfile profile = PreferenceProfile.of(model, signals);
		ItemSimilarities similarities = model.similarities();
		for (Map.Entry<UUID, Double> signal : signals.entrySet()) {
			int source = model.position(signal.getKey());
			if (source < 0) {
				continue;
			}
			double weight = signal.getValue();
			int[] neighbours = similarities.neighbours(source);
			float[] scores = similarities.scores(source);
			for (int k = 0; k < neighbours.length; k++) {
				double contribution = weight * scores[k];
				collaborative[neighbours[k]] += contribution;
				if (contribution > strongestContribution[neighbours[k]]) {
					strongestContribution[neighbours[k]] = contribution;
					strongestSource[neighbours[k]] = source;
				}
			}
		}
		double[] content = new double[size];
		int[] strongestFeature = new int[size];
		double[] contextMatch = new double[size];
		String[] matchedTerm = new String[size];
		for (int item = 0; item < size; item++) {
			strongestFeature[item] = content(model, profile, item, content);
			if (!context.isEmpty()) {
				matchedTerm[item] = contextMatch(model.item(item), context, contextMatch, item);
			}
		}
		scale(collaborative);
		scale(content);
		double personal = blend.personal(profile.signalCount());
		double[] total = new double[size];
		Part[] dominant = new Part[size];
		for (int item = 0; item < size; item++) {
			double cf = blend.collaborative() * personal * collaborative[item];
			double taste = blend.content() * personal * content[item];
			double popular = blend.popularity() * (1 - personal / 2) * model.popularity(item);
			double fit = blend.context() * contextMatch[item];
			total[item] = cf + taste + popular + fit;
			dominant[item] = dominant(cf, taste, popular, fit);
		}
		return new Ranking(model, total, dominant, strongestSource, strongestFeature, matchedTerm);
	}

	static IntPredicate allowed(RecommenderModel model, Map<UUID, Double> signals, Query query) {
		boolean[] refused = new boolean[model.size()];
		for (UUID id : signals.keySet()) {
			int position = model.position(id);
			if (position >= 0) {
				refused[position] = true;
			}
		}
		for (UUID id : query.exclude()) {
			int position = model.position(id);
			if (position >= 0) {
				refused[position] = true;
			}
		}
		BigDecimal maxPrice = query.maxPrice();
		String currency = query.currency();
		return item -> {
			if (refused[item]) {
				return false;
			}
			if (maxPrice == null) {
				return true;
			}
			CatalogItem candidate = model.item(item);
			BigDecimal price = candidate.price();
			return price != null && price.compareTo(maxPrice) <= 0
					&& (currency == null || currency.equals(candidate.currency()));
		};
	}

	/** Fills {@code content[item]}; answers the feature that contributed most, or -1. */
	private static int content(RecommenderModel model, PreferenceProfile profile, int item, double[] content) {
		int[] features = model.features(item);
		double[] weights = model.featureWeights(item);
		double sum = 0;
		double strongest = 0;
		int strongestFeature = -1;
		for (int k = 0; k < features.length; k++) {
			double part = weights[k] * profile.evidence(features[k]);
			sum += part;
			if (part > strongest) {
				strongest = part;
				strongestFeature = features[k];
			}
		}
		content[item] = sum;
		return strongestFeature;
	}

	private static @Nullable String contextMatch(CatalogItem item, Set<String> context, double[] match, int position) {
		int matched = 0;
		String first = null;
		String name = item.name().toLowerCase(Locale.ROOT);
		for (String term : context) {
			if (item.tags().contains(term) || item.attributes().containsValue(term) || containsWord(name, term)) {
				matched++;
				if (first == null || term.compareTo(first) < 0) {
					first = term;
				}
			}
		}
		match[position] = (double) matched / context.size();
		return first;
	}

	private static boolean containsWord(String text, String word) {
		for (String part : text.split("[^\\p{L}\\p{N}]+")) {
			if (part.equals(word)) {
				return true;
			}
		}
		return false;
	}

	/** Scales values into [-1, 1] by their largest magnitude. */
	private static void scale(double[] values) {
		double max = 0;
		for (double value : values) {
			max = Math.max(max, Math.abs(value));
		}
		if (max > 0) {
			for (int i = 0; i < values.length; i++) {
				values[i] /= max;
			}
		}
	}

	private static Part dominant(double cf, double taste, double popular, double fit) {
		Part part = Part.POPULARITY;
		double best = popular;
		if (cf > best) {
			part = Part.COLLABORATIVE;
			best = cf;
		}
		if (taste > best) {
			part = Part.CONTENT;
			best = taste;
		}
		if (fit > best) {
			part = Part.CONTEXT;
		}
		return part;
	}

	enum Part {
		COLLABORATIVE, CONTENT, POPULARITY, CONTEXT
	}

	/** Every item's score for one person. */
	public static final class Ranking {

		private final RecommenderModel model;

		private final double[] scores;

		private final Part[] dominant;

		private final int[] source;

		private final int[] feature;

		private final @Nullable String[] term;

		Ranking(RecommenderModel model, double[] scores, Part[] dominant, int[] source, int[] feature,
				@Nullable String[] term) {
			this.model = model;
			this.scores = scores;
			this.dominant = dominant;
			this.source = source;
			this.feature = feature;
			this.term = term;
		}

		public double score(int item) {
			return scores[item];
		}

		/** The best {@code limit} items that {@code allowed} lets through, best first (ties: catalogue order). */
		public List<Recommendation> top(int limit, IntPredicate allowed) {
			ItemSimilarities.TopK top = new ItemSimilarities.TopK(limit);
			for (int item = 0; item < scores.length; item++) {
				if (allowed.test(item)) {
					top.offer(item, scores[item]);
				}
			}
			List<Recommendation> recommendations = new ArrayList<>();
			for (int item : top.items()) {
				recommendations.add(new Recommendation(model.item(item).id(), scores[item], reason(item)));
			}
			return recommendations;
		}

		private Recommendation.Reason reason(int item) {
			return switch (dominant[item]) {
				case COLLABORATIVE -> source[item] >= 0 ? Recommendation.Reason.similarTo(model.item(source[item]).id())
						: Recommendation.Reason.popular();
				case CONTENT -> feature[item] >= 0 ? Recommendation.Reason.taste(model.feature(feature[item]))
						: Recommendation.Reason.popular();
				case CONTEXT -> term[item] != null ? Recommendation.Reason.context(term[item]) : Recommendation.Reason.popular();
				case POPULARITY -> Recommendation.Reason.popular();
			};
		}
	}
}
