package dev.parley;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A validation problem lists every failing field of the request at once. */
@IntegrationTest
class AllFieldErrorsIntegrationTests {

	@Autowired
	ApiClient api;

	String token;

	@BeforeEach
	void register() {
		token = api.register().accessToken();
	}

	@Test
	void registerListsEmailAndPassword() {
		assertFields(api.post("/api/v1/auth/register", null, map("email", "not-an-email", "password", "short")),
				"email", "password");
		assertFields(api.post("/api/v1/auth/register", null,
				map("email", "not-an-email", "password", "password", "username", "!")), "email", "password",
				"username");
	}

	@Test
	void passwordChangeListsTheWeakNewPassword() {
		assertFields(api.post("/api/v1/users/me/password", token, map("current_password", ApiClient.Session.PASSWORD,
				"new_password", "short")), "new_password");
	}

	@Test
	void chatsListTitleAndModel() {
		assertFields(api.post("/api/v1/chats", token, map("title", "t".repeat(201), "model", "nope/none")), "title",
				"model");
	}

	@Test
	void apiKeysListNameAndExpiry() {
		assertFields(api.post("/api/v1/api-keys", token, map("name", "", "expires_at", "2001-01-01T00:00:00Z")),
				"name", "expires_at");
	}

	@Test
	void integrationsListEveryField() {
		assertFields(api.post("/api/v1/integrations", token,
				map("provider", "nope", "api_key", "has spaces", "label", "l".repeat(101))), "provider", "api_key",
				"label");
	}

	@Test
	void completionsListEveryField() {
		String chat = api.post("/api/v1/chats", token, Map.of("title", "x")).json().get("id").asString();
		assertFields(api.post("/api/v1/chats/" + chat + "/completions", token,
				map("content", "", "temperature", 5, "max_tokens", 0)), "content", "temperature", "max_tokens");
		assertFields(api.post("/api/v1/chats/" + chat + "/completions", token, map("content", "", "model", "nope/none")),
				"content", "model");
		assertFields(api.post("/api/v1/ai/generate", token, map("prompt", "hi", "temperature", 5, "max_tokens", 0)),
				"temperature", "max_tokens");
		assertFields(api.post("/api/v1/ai/generate", token, map("model", "nope/none", "prompt", "hi", "temperature", 5)),
				"model", "temperature");
	}

	private static void assertFields(Response response, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body())
			.containsExactlyInAnyOrder(fields);
	}
}
