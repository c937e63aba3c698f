package dev.parley.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bulk import of JSON lines: upserts by external_id, reports each bad line, changes nothing twice. */
@CatalogIntegrationTest
class ProductImportIntegrationTests {

	@Autowired
	ApiClient api;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	@Test
	void createsUpdatesAndLeavesUnchangedByExternalIdReportingBadLines() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String category = catalog.category("Import " + run, null);
		String tag = "import-" + run;
		String body = String.join("\n",
				line("a-" + run, "Alpha", "10.00", category, tag),
				line("b-" + run, "Beta", "20.50", category, tag),
				"",
				"{not json",
				"{\"external_id\": \"c-" + run + "\", \"name\": \"\", \"price\": {\"amount\": \"x\", \"currency\": \"EUR\"}}",
				"{\"name\": \"No id\", \"price\": {\"amount\": \"1\", \"currency\": \"EUR\"}}",
				line("a-" + run, "Alpha again", "11.00", category, tag),
				line("d-" + run, "Delta", "3", category, tag)) + "\n";

		JsonNode first = importLines(body);
		assertThat(first.get("created").asInt()).isEqualTo(3);
		assertThat(first.get("updated").asInt()).isZero();
		assertThat(first.get("unchanged").asInt()).isZero();
		assertThat(first.get("failed").asInt()).isEqualTo(4);
		JsonNode errors = first.get("errors");
		assertThat(errors).extracting(error -> error.get("line").asInt()).containsExactly(4, 5, 6, 7);
		assertThat(errors.get(0).get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(errors.get(1).get("errors")).extracting(error -> error.get("field").asString())
			.containsExactlyInAnyOrder("name", "price.amount");
		assertThat(errors.get(2).get("errors").get(0).get("field").asString()).isEqualTo("external_id");
		assertThat(errors.get(3).get("errors").get(0).get("message").asString()).contains("line 1");

		List<String> imported = catalog.allIds("/api/v1/products?sort=price&tags=" + tag, catalog.user());
		assertThat(imported).hasSize(3);
		JsonNode cheapest = api.get("/api/v1/products/" + imported.getFirst(), catalog.user()).json();
		assertThat(cheapest.get("name").asString()).isEqualTo("Delta");
		assertThat(cheapest.get("external_id").asString()).isEqualTo("d-" + run);
		assertThat(cheapest.get("price").get("amount").asString()).isEqualTo("3.00");

		JsonNode again = importLines(String.join("\n", line("a-" + run, "Alpha", "10.00", category, tag),
				line("b-" + run, "Beta", "20.50", category, tag), line("d-" + run, "Delta", "3.00", category, tag)));
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(3);

		JsonNode changed = importLines(line("b-" + run, "Beta", "19.99", category, tag));
		assertThat(changed.get("updated").asInt()).isEqualTo(1);
		assertThat(catalog.allIds("/api/v1/products?sort=price&tags=" + tag, catalog.user())).isEqualTo(imported);
		JsonNode beta = api.get("/api/v1/products/" + imported.get(2), catalog.user()).json();
		assertThat(beta.get("price").get("amount").asString()).isEqualTo("19.99");
	}

	@Test
	void refusesOtherMediaTypesEmptyBodiesAndTooManyLines() {
		assertThat(api.raw("POST", "/api/v1/products:import", catalog.admin(), "application/json", "{}").status())
			.isEqualTo(415);
		Response empty = api.raw("POST", "/api/v1/products:import", catalog.admin(), "application/x-ndjson", "\n\n");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(CatalogClient.fieldsOf(empty.json())).containsExactly("body");
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 51; i++) {
			many.append(line("many-" + run + "-" + i, "Many", "1", null, "many-" + run)).append('\n');
		}
		Response tooMany = api.raw("POST", "/api/v1/products:import", catalog.admin(), "application/x-ndjson",
				many.toString());
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(CatalogClient.fieldsOf(tooMany.json())).containsExactly("body");
		assertThat(catalog.allIds("/api/v1/products?tags=many-" + run, catalog.admin())).isEmpty();
	}

	private JsonNode importLines(String body) {
		Response response = api.raw("POST", "/api/v1/products:import", catalog.admin(), "application/x-ndjson", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String line(String externalId, String name, String amount, String category, String tag) {
		return "{\"external_id\": \"" + externalId + "\", \"name\": \"" + name + "\", \"price\": {\"amount\": \"" + amount
				+ "\", \"currency\": \"EUR\"}, " + (category == null ? "" : "\"category_id\": \"" + category + "\", ")
				+ "\"tags\": [\"" + tag + "\"]}";
	}
}
