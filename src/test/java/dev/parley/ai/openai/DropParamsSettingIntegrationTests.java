package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@code parley.ai.drop-params=true}: parameters the provider cannot honour are dropped for every request. */
@IntegrationTest
@TestPropertySource(properties = "parley.ai.drop-params=true")
class DropParamsSettingIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void dropsUnsupportedParametersWithoutTheRequestAsking() {
		String key = OpenAiClient.newApiKey(api);
		Response response = api.post("/v1/chat/completions", key, map("model", "local/echo", "messages",
				List.of(map("role", "user", "content", "one two three")), "n", 3, "logit_bias", map("1", 5),
				"response_format", map("type", "json_object"), "stop", "three"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("choices")).hasSize(1);
		// The stop sequence, which local/echo honours, is kept.
		assertThat(response.json().get("choices").get(0).get("message").get("content").asString()).isEqualTo("Echo: one two");
	}
}
