package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Parley API key may read and test its owner's provider keys but not store, change or delete
 * them: only a login session may say where the owner's provider keys go.
 */
@CredentialsIntegrationTest
class IntegrationsNeedSessionIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void anApiKeyCannotAddChangeOrDeleteAProviderKey() {
		Session session = api.register();
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "script")).json().get("key").asString();
		String id = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", TestProvider.ID, "api_key", TestProvider.GOOD_KEY))
			.json()
			.get("id")
			.asString();

		assertRefused(api.post("/api/v1/integrations", key, map("provider", "openai", "api_key", "sk-stolen-0123456789")));
		assertRefused(api.patch("/api/v1/integrations/" + id, key,
				map("api_key", "sk-attacker-0123456789", "base_url", "https://attacker.example.com/v1")));
		assertRefused(api.delete("/api/v1/integrations/" + id, key));

		assertThat(api.get("/api/v1/integrations", key).json().get("items")).hasSize(1);
		Response stored = api.get("/api/v1/integrations/" + id, key);
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.json().get("base_url").isNull()).isTrue();
		assertThat(stored.json().get("api_key_last4").asString()).isEqualTo("1e8a");
		Response tested = api.post("/api/v1/integrations/" + id + "/test", key, null);
		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.json().get("ok").asBoolean()).isTrue();
	}

	private static void assertRefused(Response response) {
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).endsWith("/forbidden");
		assertThat(response.json().get("detail").asString()).contains("API key");
	}
}
