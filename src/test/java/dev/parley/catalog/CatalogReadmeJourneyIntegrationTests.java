package dev.parley.catalog;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The README's catalogue walk-through, step by step: categories, an import with a bad line, search,
 * the tree, the affiliate link and the clicks. Names carry a run id, as other tests share the database.
 */
@CatalogIntegrationTest
class CatalogReadmeJourneyIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void importSearchTreeAndAffiliateLink() {
		String token = CatalogClient.of(api).admin();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String home = api.post("/api/v1/categories", token, map("name", "Home " + run)).json().get("id").asString();
		String kitchen = api.post("/api/v1/categories", token, map("name", "Kitchen", "parent_id", home)).json()
			.get("id").asString();

		String file = """
				{"external_id": "mug-%1$s", "name": "Ceramic mug %1$s", "description": "Holds 350 ml of tea", "price": {"amount": "12.90", "currency": "EUR"}, "category_id": "%2$s", "tags": ["tea", "gift", "%1$s"], "url": "https://shop.example/p/mug-1", "featured": true, "attributes": {"colour": "blue"}}
				{"external_id": "pot-%1$s", "name": "Teapot", "description": "A ceramic pot for loose tea", "price": {"amount": "34.00", "currency": "EUR"}, "category_id": "%2$s", "tags": ["tea", "%1$s"], "url": "https://shop.example/p/pot-1"}
				{"external_id": "bad-%1$s", "name": "Too precise", "price": {"amount": "1.999", "currency": "EUR"}}
				""".formatted(run, kitchen);
		JsonNode report = api.raw("POST", "/api/v1/products:import", token, "application/x-ndjson", file).json();
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("failed").asInt()).isEqualTo(1);
		assertThat(report.at("/errors/0/line").asInt()).isEqualTo(3);
		assertThat(report.at("/errors/0/errors/0/field").asString()).isEqualTo("price.amount");
		assertThat(report.at("/errors/0/errors/0/message").asString()).isEqualTo("must have at most 2 decimal places in EUR");
		assertThat(api.raw("POST", "/api/v1/products:import", token, "application/x-ndjson", file).json()
			.get("unchanged").asInt()).isEqualTo(2);

		JsonNode found = api.get("/api/v1/products?q=ceramic%20tea%20" + run + "&max_price=20&fields=id,name,price", token)
			.json();
		assertThat(found.get("items")).hasSize(1);
		assertThat(found.at("/items/0/name").asString()).isEqualTo("Ceramic mug " + run);
		assertThat(found.at("/items/0/price/amount").asString()).isEqualTo("12.90");
		JsonNode dearest = api.get("/api/v1/products?category_id=" + home + "&tags=tea&sort=-price&limit=1", token).json();
		assertThat(dearest.at("/items/0/name").asString()).isEqualTo("Teapot");
		assertThat(dearest.get("next_cursor").isNull()).isFalse();
		assertThat(api.get("/api/v1/products/featured?tags=" + run, token).json().at("/items/0/name").asString())
			.isEqualTo("Ceramic mug " + run);

		JsonNode tree = api.get("/api/v1/categories/tree", token).json();
		JsonNode homeNode = tree.get("items").valueStream().filter(node -> node.get("id").asString().equals(home))
			.findFirst().orElseThrow();
		assertThat(homeNode.get("product_count").asInt()).isEqualTo(2);
		assertThat(homeNode.at("/children/0/name").asString()).isEqualTo("Kitchen");

		String mug = found.at("/items/0/id").asString();
		Response link = api.get("/r/" + mug, token);
		assertThat(link.status()).isEqualTo(302);
		assertThat(link.header("Location")).startsWith("https://shop.example/p/mug-1?tag=parley-20");
		assertThat(api.get("/api/v1/clicks", token).json().at("/items/0/product_id").asString()).isEqualTo(mug);
	}
}
