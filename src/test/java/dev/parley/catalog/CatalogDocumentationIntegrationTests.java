package dev.parley.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The catalogue in {@code /openapi.json} (what {@code /docs} shows): every route, its bodies and its errors. */
@CatalogIntegrationTest
class CatalogDocumentationIntegrationTests {

	private static final String PROBLEM = "#/components/schemas/Problem";

	@Autowired
	ApiClient api;

	@Test
	void documentsEveryCatalogueRouteWithItsErrors() {
		JsonNode document = api.get("/openapi.json", null).json();
		JsonNode paths = document.get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/products", "/api/v1/products/{id}", "/api/v1/products/featured",
				"/api/v1/products:import", "/api/v1/categories", "/api/v1/categories/tree", "/api/v1/categories/{id}",
				"/r/{productId}", "/api/v1/clicks");

		JsonNode create = paths.at("/~1api~1v1~1products/post");
		assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ProductRequest");
		assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Product");
		for (String status : new String[] { "400", "401", "403", "409", "413" }) {
			assertThat(create.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
				.as(status).isEqualTo(PROBLEM);
		}
		assertThat(paths.at("/~1api~1v1~1products/get/responses/200/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ProductPage");
		assertThat(paths.at("/~1api~1v1~1products/get/parameters").valueStream().map(p -> p.get("name").asString()))
			.contains("q", "category_id", "min_price", "max_price", "tags", "featured", "sort", "limit", "cursor", "fields");
		assertThat(paths.at("/~1api~1v1~1products:import/post/requestBody/content").propertyNames())
			.containsExactly("application/x-ndjson");
		assertThat(paths.at("/~1api~1v1~1products:import/post/responses").propertyNames()).contains("200", "403", "415");
		assertThat(paths.at("/~1api~1v1~1categories~1{id}/delete/responses").propertyNames()).contains("403", "404", "409");

		JsonNode redirect = paths.at("/~1r~1{productId}/get/responses");
		assertThat(redirect.propertyNames()).contains("302", "404").doesNotContain("401");
		assertThat(document.at("/components/schemas/Price/properties/amount/type").asString()).isEqualTo("string");
	}
}
