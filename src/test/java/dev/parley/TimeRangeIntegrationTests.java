package dev.parley;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Times outside years 1 to 9999 are refused with a 400 naming the field, in bodies and in queries. */
@IntegrationTest
class TimeRangeIntegrationTests {

	@Autowired
	ApiClient api;

	String token;

	@BeforeEach
	void register() {
		token = api.register().accessToken();
	}

	@Test
	void usageRefusesTimesPostgresCannotStore() {
		assertField(api.get("/api/v1/analytics/usage?to=%2B294277-01-01T00:00:00Z", token), "to");
		assertField(api.get("/api/v1/analytics/usage?from=-4714-01-01T00:00:00Z", token), "from");
		assertField(api.get("/api/v1/analytics/usage?to=%2B10000-01-01T00:00:00Z", token), "to");
		assertThat(api.get("/api/v1/analytics/usage?from=2026-01-01&to=9999-12-31T00:00:00Z", token).status())
			.isEqualTo(200);
	}

	@Test
	void apiKeyExpiryOutOfRangeNamesTheField() {
		assertField(api.post("/api/v1/api-keys", token, map("name", "far", "expires_at", "+294277-01-01T00:00:00Z")),
				"expires_at");
		assertField(api.post("/api/v1/api-keys", token, map("name", "far", "expires_at", "+10000-01-01T00:00:00Z")),
				"expires_at");
		Response fine = api.post("/api/v1/api-keys", token, map("name", "far", "expires_at", "9999-01-01T00:00:00Z"));
		assertThat(fine.status()).as(fine.body()).isEqualTo(201);
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}
}
