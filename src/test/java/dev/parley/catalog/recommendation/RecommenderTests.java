package dev.parley.catalog.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The recommender over small catalogues built by hand. */
class RecommenderTests {

	static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	static final UUID BOOKS = new UUID(1, 1);

	static final UUID GARDEN = new UUID(1, 2);

	static final UUID KITCHEN = new UUID(1, 3);

	final Recommender recommender = new Recommender(Blend.DEFAULT);

	static CatalogItem item(int n, UUID category, String price, String... tags) {
		return new CatalogItem(new UUID(2, n), "Item " + n, category, Set.of(tags), new BigDecimal(price), "EUR", Map.of());
	}

	@Test
	void aDislikeOutranksEarlierLikesSavesAndClicksOfTheSameProduct() {
		UUID product = UUID.randomUUID();
		Map<UUID, Double> liked = TasteSignal.fold(List.of(new TasteSignal(product, Feedback.LIKE, T0),
				new TasteSignal(product, Feedback.SAVE, T0.plusSeconds(1)),
				new TasteSignal(product, Feedback.CLICK, T0.plusSeconds(2)),
				new TasteSignal(product, Feedback.DISLIKE, T0.plusSeconds(3))));
		assertThat(liked.get(product)).isEqualTo(Feedback.DISLIKE.weight());

		Map<UUID, Double> dismissed = TasteSignal.fold(List.of(new TasteSignal(product, Feedback.SUPERLIKE, T0),
				new TasteSignal(product, Feedback.DISMISS, T0.plusSeconds(1))));
		assertThat(dismissed.get(product)).isEqualTo(Feedback.DISMISS.weight());

		// Given in any order, the times decide; a like after the dislike is a change of mind.
		Map<UUID, Double> changed = TasteSignal.fold(List.of(new TasteSignal(product, Feedback.LIKE, T0.plusSeconds(5)),
				new TasteSignal(product, Feedback.DISLIKE, T0)));
		assertThat(changed.get(product)).isEqualTo(Feedback.LIKE.weight());
	}

	@Test
	void aLikeBringsWhatOthersLikedWithItAndADislikePushesItDown() {
		List<CatalogItem> items = new ArrayList<>();
		for (int n = 0; n < 30; n++) {
			items.add(item(n, n < 10 ? BOOKS : n < 20 ? GARDEN : KITCHEN, "20"));
		}
		// Ten people like items 0 and 25 together (a pair no feature explains); others like 1..5.
		InteractionMatrix.Builder everyone = InteractionMatrix.builder(items.size());
		for (int person = 0; person < 10; person++) {
			everyone.add(person, 0, 1).add(person, 25, 1).add(person, 1 + person % 5, 1);
		}
		RecommenderModel model = RecommenderModel.compute(items, everyone.build(), 10, T0);
		UUID zero = items.get(0).id();
		UUID twentyFive = items.get(25).id();

		List<Recommendation> afterLike = recommender.recommend(model, Map.of(zero, 1.0), Recommender.Query.top(3));
		assertThat(afterLike.getFirst().productId()).isEqualTo(twentyFive);
		assertThat(afterLike.getFirst().reason().kind()).isEqualTo(Recommendation.Kind.SIMILAR_TO);
		assertThat(afterLike.getFirst().reason().becauseOf()).isEqualTo(zero);
		assertThat(afterLike).extracting(Recommendation::productId).doesNotContain(zero);

		double neutral = recommender.rank(model, Map.of(), Set.of()).score(25);
		double afterDislike = recommender.rank(model, Map.of(zero, Feedback.DISLIKE.weight()), Set.of()).score(25);
		assertThat(afterDislike).isLessThan(neutral);
		List<Recommendation> top = recommender.recommend(model, Map.of(zero, Feedback.DISLIKE.weight()),
				Recommender.Query.top(10));
		assertThat(top).extracting(Recommendation::productId).doesNotContain(twentyFive);
	}

	@Test
	void withoutAnyoneElsesSignalsTheProfileDecides() {
		List<CatalogItem> items = List.of(item(1, BOOKS, "10", "novel"), item(2, BOOKS, "12", "novel"),
				item(3, GARDEN, "11", "tools"), item(4, GARDEN, "13", "tools"), item(5, KITCHEN, "9", "pans"));
		RecommenderModel model = RecommenderModel.empty(items, T0);

		List<Recommendation> top = recommender.recommend(model,
				Map.of(items.get(0).id(), 1.0, items.get(2).id(), Feedback.DISLIKE.weight()), Recommender.Query.top(3));

		assertThat(top.getFirst().productId()).isEqualTo(items.get(1).id());
		assertThat(top.getFirst().reason().kind()).isEqualTo(Recommendation.Kind.TASTE);
		assertThat(top.getLast().productId()).isEqualTo(items.get(3).id());
	}

	@Test
	void aNewPersonGetsThePopularOnes() {
		List<CatalogItem> items = List.of(item(1, BOOKS, "10"), item(2, BOOKS, "10"), item(3, GARDEN, "10"));
		RecommenderModel model = RecommenderModel.of(items, new double[] { 2, 40, 7 },
				ItemSimilarities.of(List.of(new int[0], new int[0], new int[0]),
						List.of(new float[0], new float[0], new float[0])), T0);

		List<Recommendation> top = recommender.recommend(model, Map.of(), Recommender.Query.top(3));

		assertThat(top).extracting(Recommendation::productId)
			.containsExactly(items.get(1).id(), items.get(2).id(), items.get(0).id());
		assertThat(top.getFirst().reason().kind()).isEqualTo(Recommendation.Kind.POPULAR);
	}

	@Test
	void theBudgetAndTheContextAreHonoured() {
		List<CatalogItem> items = List.of(item(1, BOOKS, "80", "birthday"), item(2, BOOKS, "30", "birthday"),
				item(3, GARDEN, "20"), new CatalogItem(new UUID(2, 4), "Dollar thing", BOOKS, Set.of("birthday"),
						new BigDecimal("5"), "USD", Map.of()));
		RecommenderModel model = RecommenderModel.empty(items, T0);

		List<Recommendation> top = recommender.recommend(model, Map.of(),
				new Recommender.Query(5, new BigDecimal("50"), "EUR", Set.of("Birthday"), Set.of()));

		assertThat(top).extracting(Recommendation::productId).containsExactly(items.get(1).id(), items.get(2).id());
		assertThat(top.getFirst().reason()).isEqualTo(Recommendation.Reason.context("birthday"));
	}

	@Test
	void theProfileCountsEveryFeatureWithConfidence() {
		List<CatalogItem> items = List.of(item(1, BOOKS, "10", "novel"), item(2, BOOKS, "12", "novel"),
				item(3, GARDEN, "300", "tools"));
		RecommenderModel model = RecommenderModel.empty(items, T0);

		PreferenceProfile profile = PreferenceProfile.of(model, Map.of(items.get(0).id(), 1.0, items.get(1).id(), 2.0,
				items.get(2).id(), -1.5));

		PreferenceProfile.Entry books = profile.entries().stream()
			.filter(entry -> entry.feature().equals(new Feature(Feature.Kind.CATEGORY, BOOKS.toString())))
			.findFirst()
			.orElseThrow();
		assertThat(books.seen()).isEqualTo(2);
		assertThat(books.liked()).isEqualTo(2);
		assertThat(books.affinity()).isEqualTo(3.0 / 4.0);
		assertThat(books.confidence()).isEqualTo(2 / 5.0);
		PreferenceProfile.Entry expensive = profile.entries().stream()
			.filter(entry -> entry.feature().equals(new Feature(Feature.Kind.PRICE_BAND, "250+")))
			.findFirst()
			.orElseThrow();
		assertThat(expensive.affinity()).isNegative();
		assertThat(expensive.disliked()).isEqualTo(1);
	}
}
