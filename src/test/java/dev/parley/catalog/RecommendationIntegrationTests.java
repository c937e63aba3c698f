package dev.parley.catalog;

import static dev.parley.catalog.CatalogClient.fieldsOf;
import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.catalog.recommendation.RecommenderModels;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations over HTTP. Each test prices its products in a currency of its own and asks with a
 * budget in it, so the answer can only name its products though the catalogue is shared.
 */
@CatalogIntegrationTest
class RecommendationIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	RecommenderModels models;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	String product(String name, String currency, Object... fields) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(map("name", name, "price",
				map("amount", "12.00", "currency", currency)));
		body.putAll(map(fields));
		return catalog.productId(body);
	}

	void like(String token, String currency, String... products) {
		String session = api.post("/api/v1/swipes/sessions", token,
				map("context", map("budget", map("amount", 1000, "currency", currency)))).json().get("id").asString();
		for (String product : products) {
			Response swiped = api.post("/api/v1/swipes/interactions", token,
					map("session_id", session, "product_id", product, "direction", "like"));
			assertThat(swiped.status()).isIn(200, 201);
		}
	}

	JsonNode generate(String token, String currency, Object... fields) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(map("budget", map("amount", 1000, "currency", currency),
				"limit", 50));
		body.putAll(map(fields));
		Response generated = api.post("/api/v1/recommendations/generate", token, body);
		assertThat(generated.status()).as(generated.body()).isEqualTo(201);
		return generated.json();
	}

	static List<String> productIds(JsonNode set) {
		List<String> ids = new ArrayList<>();
		set.get("items").forEach(item -> ids.add(item.get("product").get("id").asString()));
		return ids;
	}

	@Test
	void whatPeopleLikedTogetherIsRecommendedWithItsReason() {
		String tent = product("Tent", "HUF");
		String lantern = product("Lantern", "HUF");
		String mug = product("Mug", "HUF", "price", map("amount", "300.00", "currency", "HUF"));
		String scarf = product("Scarf", "HUF", "price", map("amount", "300.00", "currency", "HUF"));
		like(catalog.user(), "HUF", tent, lantern);
		like(catalog.user(), "HUF", tent, lantern);
		String newcomer = catalog.user();
		like(newcomer, "HUF", tent);
		models.refresh();

		JsonNode set = generate(newcomer, "HUF");

		assertThat(productIds(set)).containsExactly(lantern, mug, scarf);
		JsonNode first = set.get("items").get(0);
		assertThat(first.get("reason_kind").asString()).isEqualTo("similar_to");
		assertThat(first.get("reason").asString()).isEqualTo("Because you liked Tent");
		assertThat(first.get("id").asString()).isNotBlank();
		assertThat(set.get("source").asString()).isEqualTo("generate");
		assertThat(set.get("model").isNull()).isTrue();
		assertThat(set.get("budget").get("currency").asString()).isEqualTo("HUF");
	}

	@Test
	void neverAnInactiveProductNorOneAlreadySwiped() {
		String swiped = product("Swiped", "PLN");
		String retiredBefore = product("Retired before the refresh", "PLN");
		String retiredAfter = product("Retired after the refresh", "PLN");
		String kept = product("Kept", "PLN");
		assertThat(api.patch("/api/v1/products/" + retiredBefore, catalog.admin(), map("active", false)).status()).isEqualTo(200);
		String user = catalog.user();
		like(user, "PLN", swiped);
		models.refresh();
		assertThat(api.patch("/api/v1/products/" + retiredAfter, catalog.admin(), map("active", false)).status()).isEqualTo(200);

		assertThat(productIds(generate(user, "PLN"))).containsExactly(kept);
		JsonNode feed = api.get("/api/v1/recommendations?limit=50", user).json();
		assertThat(feed.get("source").asString()).isEqualTo("feed");
		assertThat(productIds(feed)).doesNotContain(swiped, retiredBefore, retiredAfter);
		feed.get("items").forEach(item -> assertThat(item.get("reason").asString()).isNotBlank());
	}

	@Test
	void theContextFavoursWhatMatchesItAndTheBudgetIsHonoured() {
		String plain = product("Plain box", "RON");
		String cake = product("Cake stand", "RON", "tags", List.of("birthday"));
		String dear = product("Dear birthday thing", "RON", "price", map("amount", "99.00", "currency", "RON"));
		models.refresh();

		JsonNode set = generate(catalog.user(), "RON", "context", "a birthday", "budget", map("amount", 50, "currency", "RON"));

		assertThat(productIds(set)).containsExactly(cake, plain).doesNotContain(dear);
		assertThat(set.get("items").get(0).get("reason").asString()).isEqualTo("Fits \"birthday\"");
		assertThat(set.get("context").asString()).isEqualTo("a birthday");
	}

	@Test
	void aDismissalIsRecordedAndTheProductNotRecommendedAgain() {
		String first = product("First", "ISK");
		String second = product("Second", "ISK");
		models.refresh();
		String user = catalog.user();
		JsonNode set = generate(user, "ISK");
		JsonNode item = set.get("items").get(0);
		String dismissed = item.get("product").get("id").asString();

		Response interaction = api.post("/api/v1/recommendations/" + item.get("id").asString() + "/interact", user,
				map("action", "dismiss"));

		assertThat(interaction.status()).as(interaction.body()).isEqualTo(201);
		assertThat(interaction.json().get("action").asString()).isEqualTo("dismiss");
		assertThat(interaction.json().get("product_id").asString()).isEqualTo(dismissed);
		assertThat(productIds(generate(user, "ISK"))).containsExactly(dismissed.equals(first) ? second : first);
		assertThat(api.get("/api/v1/swipes/analytics", user).json().get("signals").asInt()).isEqualTo(1);
	}

	@Test
	void anotherUsersRecommendationIsNotFoundAndBadInputNamesItsFields() {
		product("Only one", "BRL");
		models.refresh();
		String owner = catalog.user();
		String recommendation = generate(owner, "BRL").get("items").get(0).get("id").asString();

		assertThat(api.post("/api/v1/recommendations/" + recommendation + "/interact", catalog.user(),
				map("action", "click")).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/recommendations/" + UUID.randomUUID() + "/interact", owner,
				map("action", "click")).status()).isEqualTo(404);
		Response bad = api.post("/api/v1/recommendations/" + recommendation + "/interact", owner, map("action", "like"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fieldsOf(bad.json())).containsExactly("action");
		Response badSet = api.post("/api/v1/recommendations/generate", owner,
				map("limit", 0, "context", "x".repeat(501), "budget", map("amount", 5)));
		assertThat(badSet.status()).isEqualTo(400);
		assertThat(fieldsOf(badSet.json())).containsExactlyInAnyOrder("limit", "context", "budget.currency");
		assertThat(fieldsOf(api.get("/api/v1/recommendations?limit=51", owner).json())).containsExactly("limit");
		assertThat(api.post("/api/v1/recommendations/" + recommendation + "/interact", owner,
				map("action", "click")).status()).isEqualTo(201);
	}

	@Test
	void theRoutesAndTheirErrorsAreInTheApiDocument() {
		JsonNode paths = api.get("/openapi.json", null).json().get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/swipes/sessions", "/api/v1/swipes/sessions/{id}",
				"/api/v1/swipes/sessions/{id}/next", "/api/v1/swipes/interactions", "/api/v1/swipes/analytics",
				"/api/v1/recommendations", "/api/v1/recommendations/generate", "/api/v1/recommendations/{id}/interact");
		assertThat(paths.at("/~1api~1v1~1swipes~1interactions/post/responses").propertyNames()).contains("200", "201",
				"400", "401", "404", "413");
		assertThat(paths.at("/~1api~1v1~1recommendations~1{id}~1interact/post/responses").propertyNames())
			.contains("201", "400", "401", "404");
		assertThat(paths.at("/~1api~1v1~1recommendations/get/responses").propertyNames()).contains("200", "400", "401");
	}
}
