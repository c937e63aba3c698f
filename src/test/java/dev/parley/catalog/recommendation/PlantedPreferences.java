package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated catalogue and people with hidden tastes, and swipes sampled from those tastes, split
 * into what the recommender may learn from and what it must find.
 *
 * <p>Each item has a category, three tags (two usually from its category's own set), a price, a
 * colour and a material, a general appeal, and a hidden 8-dimensional style vector that no feature
 * reveals (what only collaborative filtering can learn). Each person has two favourite categories
 * and one they dislike, four liked and two disliked tags, a price band and a colour they prefer,
 * and a style vector. An item's utility to a person is the sum of those matches, the item's appeal,
 * the style dot product and noise. People see items drawn half by appeal (popular items are shown
 * more, as in a real shop) and half at random, and swipe: superlike above 2.5, like above 1,
 * dislike below -0.5, skip in between. A fifth of each person's swipes is held out; the liked and
 * superliked items among them are what a recommender should find.
 */
final class PlantedPreferences {

	static final int STYLE_DIMENSIONS = 8;

	/** How strongly what a person looks at follows their taste (they browse what catches their eye). */
	static final double SELF_SELECTION = 0.7;

	static final String[] COLOURS = { "red", "blue", "green", "black", "white", "yellow", "pink", "grey" };

	static final String[] MATERIALS = { "wood", "metal", "cotton", "leather", "glass", "ceramic" };

	record Swipe(int user, int item, Feedback feedback) {
	}

	/** A data set: the catalogue, and every person's swipes split into training and held-out ones. */
	record DataSet(List<CatalogItem> items, int userCount, List<Swipe> training, List<Swipe> heldOut) {

		/** Each person's net training signals, product id to weight, as production folds them. */
		Map<Integer, Map<UUID, Double>> trainingSignals() {
			Map<Integer, List<TasteSignal>> perUser = new HashMap<>();
			Instant at = Instant.parse("2026-01-01T00:00:00Z");
			long second = 0;
			for (Swipe swipe : training) {
				perUser.computeIfAbsent(swipe.user(), user -> new ArrayList<>())
					.add(new TasteSignal(items.get(swipe.item()).id(), swipe.feedback(), at.plusSeconds(second++)));
			}
			Map<Integer, Map<UUID, Double>> signals = new HashMap<>();
			perUser.forEach((user, list) -> signals.put(user, TasteSignal.fold(list)));
			return signals;
		}

		/** Each person's held-out liked items: what a recommender should find. */
		Map<Integer, Set<UUID>> relevant() {
			Map<Integer, Set<UUID>> relevant = new HashMap<>();
			for (Swipe swipe : heldOut) {
				if (swipe.feedback() == Feedback.LIKE || swipe.feedback() == Feedback.SUPERLIKE) {
					relevant.computeIfAbsent(swipe.user(), user -> new HashSet<>()).add(items.get(swipe.item()).id());
				}
			}
			return relevant;
		}
	}

	static DataSet generate(long seed, int itemCount, int userCount, int categoryCount, int tagCount,
			double popularExposure) {
		Random random = new Random(seed);
		List<UUID> categories = new ArrayList<>();
		for (int c = 0; c < categoryCount; c++) {
			categories.add(new UUID(0x0C47L, c + 1));
		}
		int tagsPerCategory = Math.max(3, tagCount / categoryCount);
		List<CatalogItem> items = new ArrayList<>();
		int[] category = new int[itemCount];
		int[][] tags = new int[itemCount][];
		int[] priceBand = new int[itemCount];
		int[] colour = new int[itemCount];
		double[] appeal = new double[itemCount];
		double[][] style = new double[itemCount][STYLE_DIMENSIONS];
		for (int i = 0; i < itemCount; i++) {
			category[i] = random.nextInt(categoryCount);
			Set<Integer> itemTags = new java.util.TreeSet<>();
			while (itemTags.size() < 3) {
				itemTags.add(random.nextDouble() < 0.67 ? (category[i] * tagsPerCategory + random.nextInt(tagsPerCategory)) % tagCount
						: random.nextInt(tagCount));
			}
			tags[i] = itemTags.stream().mapToInt(Integer::intValue).toArray();
			BigDecimal price = BigDecimal.valueOf(Math.exp(3 + 1.1 * random.nextGaussian())).setScale(2, RoundingMode.HALF_UP)
				.max(new BigDecimal("1.00"));
			priceBand[i] = band(price);
			colour[i] = random.nextInt(COLOURS.length);
			appeal[i] = random.nextGaussian() * 0.6;
			for (int d = 0; d < STYLE_DIMENSIONS; d++) {
				style[i][d] = random.nextGaussian() / Math.sqrt(STYLE_DIMENSIONS);
			}
			Set<String> tagNames = new HashSet<>();
			for (int tag : tags[i]) {
				tagNames.add("tag" + tag);
			}
			Map<String, String> attributes = new LinkedHashMap<>();
			attributes.put("colour", COLOURS[colour[i]]);
			attributes.put("material", MATERIALS[random.nextInt(MATERIALS.length)]);
			items.add(new CatalogItem(new UUID(0x17E4L, i + 1), "Item " + (i + 1), categories.get(category[i]), tagNames,
					price, "EUR", attributes));
		}
		List<Swipe> training = new ArrayList<>();
		List<Swipe> heldOut = new ArrayList<>();
		for (int u = 0; u < userCount; u++) {
			Map<Integer, Double> categoryTaste = new HashMap<>();
			categoryTaste.put(random.nextInt(categoryCount), 1.6);
			categoryTaste.put(random.nextInt(categoryCount), 1.6);
			categoryTaste.putIfAbsent(random.nextInt(categoryCount), -1.6);
			Map<Integer, Double> tagTaste = new HashMap<>();
			for (int t = 0; t < 4; t++) {
				tagTaste.put(random.nextInt(tagCount), 0.8);
			}
			for (int t = 0; t < 2; t++) {
				tagTaste.putIfAbsent(random.nextInt(tagCount), -0.8);
			}
			int band = random.nextInt(5);
			int favouriteColour = random.nextInt(COLOURS.length);
			double[] userStyle = new double[STYLE_DIMENSIONS];
			for (int d = 0; d < STYLE_DIMENSIONS; d++) {
				userStyle[d] = random.nextGaussian() * 1.6;
			}
			double[] utility = new double[itemCount];
			double[] key = new double[itemCount];
			for (int item = 0; item < itemCount; item++) {
				double taste = categoryTaste.getOrDefault(category[item], 0.0) + (priceBand[item] == band ? 0.5 : 0)
						+ (colour[item] == favouriteColour ? 0.5 : 0);
				for (int tag : tags[item]) {
					taste += tagTaste.getOrDefault(tag, 0.0);
				}
				for (int d = 0; d < STYLE_DIMENSIONS; d++) {
					taste += userStyle[d] * style[item][d];
				}
				utility[item] = taste + appeal[item] - 0.4;
				// What a person looks at: weighted sampling without replacement (Efraimidis-Spirakis keys).
				double weight = Math.exp(popularExposure * appeal[item] + SELF_SELECTION * taste);
				key[item] = Math.log(random.nextDouble()) / weight;
			}
			int seen = 40 + random.nextInt(121);
			ItemSimilarities.TopK shown = new ItemSimilarities.TopK(seen);
			for (int item = 0; item < itemCount; item++) {
				shown.offer(item, key[item]);
			}
			int[] seenItems = shown.items();
			java.util.Arrays.sort(seenItems);
			for (int item : seenItems) {
				double observed = utility[item] + random.nextGaussian() * 0.7;
				Feedback feedback = observed > 2.5 ? Feedback.SUPERLIKE : observed > 1 ? Feedback.LIKE
						: observed < -0.5 ? Feedback.DISLIKE : Feedback.SKIP;
				Swipe swipe = new Swipe(u, item, feedback);
				(random.nextDouble() < 0.2 ? heldOut : training).add(swipe);
			}
		}
		return new DataSet(List.copyOf(items), userCount, List.copyOf(training), List.copyOf(heldOut));
	}

	private static int sample(Random random, double[] weights, double total) {
		double target = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			target -= weights[i];
			if (target <= 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static int band(BigDecimal price) {
		String band = Feature.priceBand(price);
		return switch (band) {
			case "0-25" -> 0;
			case "25-50" -> 1;
			case "50-100" -> 2;
			case "100-250" -> 3;
			default -> 4;
		};
	}

	private PlantedPreferences() {
	}
}
