package dev.parley.catalog;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** The catalogue endpoints as the test server's admin calls them, and a plain user for refusals. */
record CatalogClient(ApiClient api, String admin) {

	static final String ADMIN_EMAIL = "catalog-admin@example.com";

	private static final String ADMIN_PASSWORD = "a long enough admin passphrase";

	/** Logs the admin in, registering the account on first use. */
	static CatalogClient of(ApiClient api) {
		Response registered = api.post("/api/v1/auth/register", null, map("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		assertThat(session.json().get("user").get("role").asString()).isEqualTo("admin");
		return new CatalogClient(api, session.json().get("access_token").asString());
	}

	String user() {
		return api.register().accessToken();
	}

	String category(String name, String parentId) {
		Response response = api.post("/api/v1/categories", admin, parentId == null ? map("name", name)
				: map("name", name, "parent_id", parentId));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	JsonNode product(Map<String, Object> fields) {
		Map<String, Object> body = new java.util.LinkedHashMap<>(map("name", "A product", "price",
				map("amount", "10.00", "currency", "EUR")));
		body.putAll(fields);
		Response response = api.post("/api/v1/products", admin, body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	String productId(Map<String, Object> fields) {
		return product(fields).get("id").asString();
	}

	/** Every page of a list, following next_cursor; the ids in order. */
	List<String> allIds(String path, String token) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 50; page++) {
			String url = path + (path.contains("?") ? "&" : "?") + (cursor == null ? "" : "cursor=" + cursor);
			Response response = api.get(url, token);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
			JsonNode next = response.json().get("next_cursor");
			if (next == null || next.isNull()) {
				return ids;
			}
			cursor = next.asString();
		}
		throw new AssertionError("more than 50 pages at " + path);
	}

	static List<String> fieldsOf(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}
}
