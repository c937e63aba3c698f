package dev.parley.catalog.recommendation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * Deals the next cards of a swipe session: Thompson sampling over category arms (exploration), the
 * best-ranked product of the chosen arm (exploitation). Each arm's belief that the person likes it
 * is a Beta distribution: one plus the session's likes (a superlike counts twice) against one plus
 * its dislikes (a skip counts a quarter), with half the weight of the person's earlier signals in
 * the arm as a prior (at most five each way). A card's arm is drawn by sampling every arm that still
 * has products and taking the highest draw, so a disliked category is rarely dealt again and an
 * unexplored one still is sometimes. Within an arm, the {@link Recommender}'s ranking decides, and
 * it already counts the session's swipes: a dislike lowers the products similar to it.
 */
final class CardDealer {

	static final String UNCATEGORISED = "uncategorised";

	static final double PRIOR_WEIGHT = 0.5;

	static final double PRIOR_CAP = 5;

	static final double SKIP_WEIGHT = 0.25;

	/** A card to deal: the product and the arm that chose it. */
	record Dealt(UUID productId, String arm) {
	}

	private CardDealer() {
	}

	/**
	 * @param ranking the person's ranking, every signal counted (earlier sessions' and this one's)
	 * @param earlier the person's net signals from other sessions (the prior)
	 * @param session this session's swipes (product to weight)
	 * @param allowed which items may be dealt (not dealt in this session, within the budget ...)
	 */
	static List<Dealt> deal(RecommenderModel model, Recommender.Ranking ranking, Map<UUID, Double> earlier,
			Map<UUID, Double> session, IntPredicate allowed, int count, Random random) {
		Map<String, Deque<Integer>> arms = new HashMap<>();
		List<Integer> order = new ArrayList<>();
		for (int item = 0; item < model.size(); item++) {
			if (allowed.test(item)) {
				order.add(item);
			}
		}
		order.sort(Comparator.comparingDouble((Integer item) -> -ranking.score(item)).thenComparing(item -> item));
		for (int item : order) {
			arms.computeIfAbsent(arm(model.item(item)), key -> new ArrayDeque<>()).add(item);
		}
		Map<String, double[]> beliefs = new HashMap<>();
		arms.keySet().forEach(arm -> beliefs.put(arm, new double[] { 1, 1 }));
		Map<String, double[]> prior = new HashMap<>();
		earlier.forEach((product, weight) -> count(model, product, weight, prior, 1));
		prior.forEach((arm, counts) -> {
			double[] belief = beliefs.get(arm);
			if (belief != null) {
				belief[0] += PRIOR_WEIGHT * Math.min(PRIOR_CAP, counts[0]);
				belief[1] += PRIOR_WEIGHT * Math.min(PRIOR_CAP, counts[1]);
			}
		});
		Map<String, double[]> now = new HashMap<>();
		session.forEach((product, weight) -> count(model, product, weight, now, 1));
		now.forEach((arm, counts) -> {
			double[] belief = beliefs.get(arm);
			if (belief != null) {
				belief[0] += counts[0];
				belief[1] += counts[1];
			}
		});
		List<Dealt> dealt = new ArrayList<>();
		List<String> names = arms.keySet().stream().sorted().toList();
		while (dealt.size() < count) {
			String best = null;
			double bestDraw = -1;
			for (String arm : names) {
				if (arms.get(arm).isEmpty()) {
					continue;
				}
				double[] belief = beliefs.get(arm);
				double draw = BetaSampler.sample(random, belief[0], belief[1]);
				if (draw > bestDraw) {
					bestDraw = draw;
					best = arm;
				}
			}
			if (best == null) {
				break;
			}
			int item = arms.get(best).poll();
			dealt.add(new Dealt(model.item(item).id(), best));
		}
		return dealt;
	}

	static String arm(CatalogItem item) {
		return item.categoryId() == null ? UNCATEGORISED : item.categoryId().toString();
	}

	/** Adds a signal to its arm's counts: [0] for, [1] against. */
	private static void count(RecommenderModel model, UUID product, double weight, Map<String, double[]> counts,
			double scale) {
		CatalogItem item = model.item(product);
		if (item == null) {
			return;
		}
		double[] arm = counts.computeIfAbsent(arm(item), key -> new double[2]);
		if (weight > 0) {
			arm[0] += scale * weight;
		}
		else if (weight <= Feedback.DISLIKE.weight() / 2) {
			arm[1] += scale;
		}
		else if (weight < 0) {
			arm[1] += scale * SKIP_WEIGHT;
		}
	}
}
