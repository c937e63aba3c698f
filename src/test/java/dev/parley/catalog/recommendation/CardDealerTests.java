package dev.parley.catalog.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Thompson sampling over category arms, over a catalogue of three categories of twenty items. */
class CardDealerTests {

	final Recommender recommender = new Recommender(Blend.DEFAULT);

	final List<CatalogItem> items = new ArrayList<>();

	final RecommenderModel model;

	CardDealerTests() {
		UUID[] categories = { RecommenderTests.BOOKS, RecommenderTests.GARDEN, RecommenderTests.KITCHEN };
		for (int n = 0; n < 60; n++) {
			items.add(RecommenderTests.item(n, categories[n % 3], "10"));
		}
		model = RecommenderModel.empty(items, RecommenderTests.T0);
	}

	List<CardDealer.Dealt> deal(Map<UUID, Double> session, int count, long seed) {
		Recommender.Ranking ranking = recommender.rank(model, session, Set.of());
		return CardDealer.deal(model, ranking, Map.of(), session,
				Recommender.allowed(model, session, Recommender.Query.top(count)), count, new Random(seed));
	}

	@Test
	void theCardsFollowTheSessionsLikesAndAvoidItsDislikes() {
		Map<UUID, Double> session = new HashMap<>();
		for (int n = 0; n < 12; n += 3) {
			session.put(items.get(n).id(), Feedback.DISLIKE.weight()); // books
			session.put(items.get(n + 1).id(), Feedback.LIKE.weight()); // garden
		}

		List<CardDealer.Dealt> cards = deal(session, 12, 7);

		long garden = cards.stream().filter(card -> card.arm().equals(RecommenderTests.GARDEN.toString())).count();
		long books = cards.stream().filter(card -> card.arm().equals(RecommenderTests.BOOKS.toString())).count();
		assertThat(garden).isGreaterThanOrEqualTo(7);
		assertThat(books).isLessThanOrEqualTo(1);
	}

	@Test
	void withoutSwipesEveryArmIsExploredAndNoProductComesTwice() {
		List<CardDealer.Dealt> cards = deal(Map.of(), 30, 11);

		Set<String> arms = new HashSet<>();
		cards.forEach(card -> arms.add(card.arm()));
		assertThat(arms).hasSize(3);
		assertThat(cards.stream().map(CardDealer.Dealt::productId).distinct().count()).isEqualTo(30);
	}

	@Test
	void whatWasSwipedIsNotDealtAndTheDealEndsWhenNothingIsLeft() {
		Map<UUID, Double> session = new HashMap<>();
		for (int n = 0; n < 50; n++) {
			session.put(items.get(n).id(), Feedback.SKIP.weight());
		}

		List<CardDealer.Dealt> cards = deal(session, 20, 3);

		assertThat(cards).hasSize(10);
		assertThat(cards).extracting(CardDealer.Dealt::productId).doesNotContainAnyElementsOf(session.keySet());
	}

	@Test
	void betaDrawsHaveTheirMean() {
		Random random = new Random(1);
		double sum = 0;
		for (int i = 0; i < 20_000; i++) {
			sum += BetaSampler.sample(random, 2, 6);
		}
		assertThat(sum / 20_000).isBetween(0.24, 0.26);
	}
}
