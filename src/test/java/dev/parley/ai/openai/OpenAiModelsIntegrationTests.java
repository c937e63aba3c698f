package dev.parley.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OpenAiModelsIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void listsModelsAsOpenAiDoes() {
		Response response = api.get("/v1/models", OpenAiClient.newApiKey(api));
		assertThat(response.status()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.get("object").asString()).isEqualTo("list");
		JsonNode echo = list.get("data").get(list.get("data").size() - 1);
		assertThat(echo.get("id").asString()).isEqualTo("local/echo");
		assertThat(echo.get("object").asString()).isEqualTo("model");
		assertThat(echo.get("owned_by").asString()).isEqualTo("local");
		assertThat(echo.get("created").isNumber()).isTrue();
	}

	@Test
	void refusesAMissingKeyAsOpenAiDoes() {
		Response response = api.get("/v1/models", null);
		JsonNode error = OpenAiClient.error(response, 401);
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}
}
