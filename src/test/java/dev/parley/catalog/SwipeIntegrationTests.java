package dev.parley.catalog;

import static dev.parley.catalog.CatalogClient.fieldsOf;
import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.catalog.recommendation.RecommenderModels;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Swipe sessions over HTTP. Each test prices its products in a currency of its own and starts its
 * sessions with a budget in it, so the cards come only from its products though the catalogue is
 * shared.
 */
@CatalogIntegrationTest
class SwipeIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	RecommenderModels models;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	/** Two categories of {@code each} products priced in {@code currency}; answers category id to product ids. */
	Map<String, Set<String>> twoCategories(String currency, int each) {
		Map<String, Set<String>> categories = new java.util.LinkedHashMap<>();
		for (String name : List.of("Books", "Garden")) {
			String category = catalog.category(name + " " + UUID.randomUUID(), null);
			Set<String> ids = new HashSet<>();
			for (int n = 0; n < each; n++) {
				ids.add(catalog.productId(map("name", name + " thing " + n, "category_id", category, "price",
						map("amount", String.valueOf(10 + n), "currency", currency), "tags", List.of(name.toLowerCase()))));
			}
			categories.put(category, ids);
		}
		models.refresh();
		return categories;
	}

	JsonNode start(String token, String currency) {
		Response started = api.post("/api/v1/swipes/sessions", token,
				map("context", map("occasion", "birthday", "recipient", "dad", "budget", map("amount", 1000, "currency", currency))));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json();
	}

	Response swipe(String token, String session, String product, String direction) {
		return api.post("/api/v1/swipes/interactions", token,
				map("session_id", session, "product_id", product, "direction", direction));
	}

	static List<String> ids(JsonNode cards) {
		List<String> ids = new ArrayList<>();
		cards.forEach(card -> ids.add(card.get("id").asString()));
		return ids;
	}

	@Test
	void theNextCardsFollowTheSwipesAndNoProductComesTwice() {
		Map<String, Set<String>> categories = twoCategories("SEK", 20);
		Set<String> books = categories.values().stream().findFirst().orElseThrow();
		Set<String> garden = categories.values().stream().skip(1).findFirst().orElseThrow();
		String user = catalog.user();
		JsonNode session = start(user, "SEK");
		String id = session.get("id").asString();
		assertThat(session.get("queue")).hasSize(10);
		assertThat(session.get("context").get("budget").get("currency").asString()).isEqualTo("SEK");
		assertThat(session.get("context").get("budget").get("amount").asString()).isEqualTo("1000.00");

		List<String> dealt = new ArrayList<>(ids(session.get("queue")));
		List<String> later = new ArrayList<>();
		List<String> queue = ids(session.get("queue"));
		for (int round = 0; round < 3; round++) {
			for (String product : queue) {
				assertThat(swipe(user, id, product, books.contains(product) ? "dislike" : "like").status()).isEqualTo(201);
			}
			Response next = api.get("/api/v1/swipes/sessions/" + id + "/next?limit=4", user);
			assertThat(next.status()).as(next.body()).isEqualTo(200);
			queue = ids(next.json().get("items"));
			dealt.addAll(queue);
			if (round > 0) {
				later.addAll(queue);
			}
		}

		assertThat(dealt).doesNotHaveDuplicates();
		assertThat(dealt).allMatch(product -> books.contains(product) || garden.contains(product));
		long gardenLater = later.stream().filter(garden::contains).count();
		assertThat(gardenLater).as("garden cards after the swipes, of " + later).isGreaterThanOrEqualTo(later.size() - 1);
	}

	@Test
	void theSameSwipeAgainChangesNothingAndAnotherDirectionReplacesIt() {
		String product = catalog.productId(map("name", "Swiped twice", "price", map("amount", "5", "currency", "NOK")));
		String user = catalog.user();
		String session = start(user, "NOK").get("id").asString();

		Response first = api.post("/api/v1/swipes/interactions", user,
				map("session_id", session, "product_id", product, "direction", "like", "dwell_ms", 1200));
		Response again = api.post("/api/v1/swipes/interactions", user,
				map("session_id", session, "product_id", product, "direction", "like", "dwell_ms", 1200));
		Response changed = swipe(user, session, product, "dislike");

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("direction").asString()).isEqualTo("like");
		assertThat(first.json().get("dwell_ms").asInt()).isEqualTo(1200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("direction").asString()).isEqualTo("dislike");
		assertThat(changed.json().get("created_at")).isEqualTo(first.json().get("created_at"));
		assertThat(changed.json().get("dwell_ms").asInt()).isEqualTo(1200);
		JsonNode listed = api.get("/api/v1/swipes/sessions", user).json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("swipes").asInt()).isEqualTo(1);
	}

	@Test
	void anotherUsersSessionIsNotFound() {
		String product = catalog.productId(map("name", "Private", "price", map("amount", "5", "currency", "CZK")));
		String owner = catalog.user();
		String session = start(owner, "CZK").get("id").asString();
		String stranger = catalog.user();

		assertThat(api.get("/api/v1/swipes/sessions/" + session, stranger).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/swipes/sessions/" + session + "/next", stranger).status()).isEqualTo(404);
		Response foreign = swipe(stranger, session, product, "like");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("detail").asString()).isEqualTo("No such swipe session.");
		assertThat(api.get("/api/v1/swipes/sessions", stranger).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/swipes/sessions/" + session, owner).status()).isEqualTo(200);
		assertThat(swipe(owner, session, UUID.randomUUID().toString(), "like").status()).isEqualTo(404);
	}

	@Test
	void badInputNamesEveryField() {
		String user = catalog.user();
		Response swipe = api.post("/api/v1/swipes/interactions", user,
				map("product_id", UUID.randomUUID().toString(), "direction", "love", "dwell_ms", -1));
		assertThat(swipe.status()).isEqualTo(400);
		assertThat(fieldsOf(swipe.json())).containsExactlyInAnyOrder("session_id", "direction", "dwell_ms");

		Response session = api.post("/api/v1/swipes/sessions", user,
				map("context", map("occasion", "x".repeat(201), "budget", map("amount", -1, "currency", "eur"))));
		assertThat(session.status()).isEqualTo(400);
		assertThat(fieldsOf(session.json())).containsExactlyInAnyOrder("context.occasion", "context.budget.amount",
				"context.budget.currency");
		Response unknownCurrency = api.post("/api/v1/swipes/sessions", user,
				map("context", map("budget", map("amount", 5, "currency", "XQZ"))));
		assertThat(unknownCurrency.status()).isEqualTo(400);
		assertThat(fieldsOf(unknownCurrency.json())).containsExactly("context.budget.currency");
	}

	@Test
	void theProfileShowsAffinityPerCategoryTagAndPriceBand() {
		Map<String, Set<String>> categories = twoCategories("DKK", 4);
		String books = categories.keySet().stream().findFirst().orElseThrow();
		String garden = categories.keySet().stream().skip(1).findFirst().orElseThrow();
		String user = catalog.user();
		String session = start(user, "DKK").get("id").asString();
		categories.get(books).forEach(product -> swipe(user, session, product, "dislike"));
		categories.get(garden).forEach(product -> swipe(user, session, product, "superlike"));

		Response profile = api.get("/api/v1/swipes/analytics", user);

		assertThat(profile.status()).as(profile.body()).isEqualTo(200);
		JsonNode json = profile.json();
		assertThat(json.get("signals").asInt()).isEqualTo(8);
		assertThat(json.get("swipes").get("superlike").asInt()).isEqualTo(4);
		assertThat(json.get("swipes").get("dislike").asInt()).isEqualTo(4);
		JsonNode gardenAffinity = find(json.get("categories"), garden);
		JsonNode booksAffinity = find(json.get("categories"), books);
		assertThat(gardenAffinity.get("affinity").asDouble()).isGreaterThan(0.8);
		assertThat(gardenAffinity.get("likes").asInt()).isEqualTo(4);
		assertThat(gardenAffinity.get("count").asInt()).isEqualTo(4);
		assertThat(gardenAffinity.get("confidence").asDouble()).isEqualTo(0.571);
		assertThat(gardenAffinity.get("name").asString()).startsWith("Garden");
		assertThat(booksAffinity.get("affinity").asDouble()).isLessThan(-0.8);
		assertThat(find(json.get("tags"), "garden").get("affinity").asDouble()).isPositive();
		assertThat(find(json.get("price_bands"), "0-25").get("count").asInt()).isEqualTo(8);
		assertThat(api.get("/api/v1/swipes/analytics", catalog.user()).json().get("categories")).isEmpty();
	}

	static JsonNode find(JsonNode entries, String value) {
		for (JsonNode entry : entries) {
			if (entry.get("value").asString().equals(value)) {
				return entry;
			}
		}
		throw new AssertionError(value + " not in " + entries);
	}
}
