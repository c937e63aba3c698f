package dev.parley.catalog;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.catalog.recommendation.RecommenderModels;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Generated sets re-ranked and explained by a model (an OpenAI-compatible fake over HTTP): whatever
 * the model answers, only active products Parley chose are recommended.
 */
@CatalogIntegrationTest
@TestPropertySource(properties = { "parley.platform.flags.defaults.[ml_recommendations]=true",
		"parley.catalog.recommendations.rerank-model=openai/gpt-4o-mini" })
class RecommendationRerankIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("no JSON here"));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-server-key-0123456789");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Autowired
	ApiClient api;

	@Autowired
	RecommenderModels models;

	@Test
	void aModelCanNeverRecommendAProductThatDoesNotExistOrIsInactive() {
		CatalogClient catalog = CatalogClient.of(api);
		List<String> active = new ArrayList<>();
		for (String name : List.of("Atlas", "Binoculars", "Compass")) {
			active.add(catalog.productId(map("name", name, "price", map("amount", "20.00", "currency", "BGN"))));
		}
		String inactive = catalog.productId(map("name", "Retired", "price", map("amount", "20.00", "currency", "BGN")));
		api.patch("/api/v1/products/" + inactive, catalog.admin(), map("active", false));
		models.refresh();
		String invented = UUID.randomUUID().toString();
		openai.enqueue(OpenAiWire.json("""
				{"items": [{"product_id": "%s", "reason": "Invented"}, {"product_id": "%s", "reason": "Retired"},
				 {"product_id": "%s", "reason": "The compass suits a traveller"}]}""".formatted(invented, inactive,
				active.get(2))));

		Response generated = api.post("/api/v1/recommendations/generate", catalog.user(),
				map("context", "a traveller", "budget", map("amount", 100, "currency", "BGN"), "limit", 3));

		assertThat(generated.status()).as(generated.body()).isEqualTo(201);
		JsonNode set = generated.json();
		assertThat(set.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
		List<String> ids = new ArrayList<>();
		set.get("items").forEach(item -> ids.add(item.get("product").get("id").asString()));
		assertThat(ids).containsExactlyInAnyOrderElementsOf(active).doesNotContain(invented, inactive);
		assertThat(ids.getFirst()).isEqualTo(active.get(2));
		assertThat(set.get("items").get(0).get("reason").asString()).isEqualTo("The compass suits a traveller");
		assertThat(set.get("items").get(0).get("reason_kind").asString()).isEqualTo("model");
		assertThat(openai.requests()).hasSize(1);
		assertThat(openai.requests().getFirst().body()).contains(active.get(0), active.get(1), active.get(2))
			.doesNotContain(inactive);
	}

	@Test
	void aModelThatAnswersNoJsonLeavesParleysRanking() {
		CatalogClient catalog = CatalogClient.of(api);
		String only = catalog.productId(map("name", "Lonely", "price", map("amount", "20.00", "currency", "KRW")));
		models.refresh();

		Response generated = api.post("/api/v1/recommendations/generate", catalog.user(),
				map("budget", map("amount", 100, "currency", "KRW")));

		assertThat(generated.status()).as(generated.body()).isEqualTo(201);
		assertThat(generated.json().get("items")).hasSize(1);
		assertThat(generated.json().get("items").get(0).get("product").get("id").asString()).isEqualTo(only);
		assertThat(generated.json().get("items").get(0).get("reason_kind").asString()).isNotEqualTo("model");
		assertThat(generated.json().get("model").isNull()).isTrue();
	}
}
