package dev.parley.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ModelsIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void listsTheDevelopmentModelWhenNoProviderIsConfigured() {
		ApiClient.Session session = api.register();
		JsonNode items = api.get("/api/v1/ai/models", session.accessToken()).json().get("items");
		JsonNode echo = items.get(items.size() - 1);
		assertThat(echo.get("id").asString()).isEqualTo("local/echo");
		assertThat(echo.get("provider").asString()).isEqualTo("local");
		assertThat(echo.get("development").asBoolean()).isTrue();
		assertThat(echo.get("capabilities").get("streaming").asBoolean()).isTrue();
		assertThat(echo.get("pricing").isNull()).isTrue();
	}
}
