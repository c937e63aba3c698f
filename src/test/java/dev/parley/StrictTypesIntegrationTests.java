package dev.parley;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A JSON value of the wrong type is a 400 naming the field, never silently converted. */
@IntegrationTest
class StrictTypesIntegrationTests {

	@Autowired
	ApiClient api;

	String token;

	@BeforeEach
	void register() {
		token = api.register().accessToken();
	}

	@Test
	void numbersAreNotStrings() {
		assertField(api.post("/api/v1/chats", token, map("title", 5)), "title");
		assertField(api.post("/api/v1/auth/register", null, map("email", "n@example.com", "password", 12345678901L)),
				"password");
		assertField(api.post("/api/v1/chats", token, map("title", true)), "title");
	}

	@Test
	void stringsAreNotNumbersOrBooleans() {
		String chat = api.post("/api/v1/chats", token, map("title", "x")).json().get("id").asString();
		assertField(api.post("/api/v1/chats/" + chat + "/completions", token, map("content", "hi", "temperature", "1")),
				"temperature");
		assertField(api.post("/api/v1/chats/" + chat + "/completions", token, map("content", "hi", "max_tokens", 1.5)),
				"max_tokens");
		assertField(api.post("/api/v1/chats/" + chat + "/archive", token, map("archived", "true")), "archived");
		assertField(api.post("/api/v1/chats/" + chat + "/archive", token, map("archived", 1)), "archived");
		assertField(api.post("/api/v1/chats/" + chat + "/completions", token, map("content", List.of("hi"))), "content");
	}

	@Test
	void openAiRoutesNameTheParamAndAcceptWhatOpenAiClientsSend() {
		Response typed = api.post("/v1/chat/completions", token, map("model", "local/echo", "messages",
				List.of(map("role", 5, "content", "hi"))));
		assertThat(typed.status()).as(typed.body()).isEqualTo(400);
		assertThat(typed.json().get("error").get("param").asString()).isEqualTo("messages[0].role");

		Response tokens = api.post("/v1/chat/completions", token,
				map("model", "local/echo", "max_tokens", "5", "messages", List.of(map("role", "user", "content", "hi"))));
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(400);
		assertThat(tokens.json().get("error").get("param").asString()).isEqualTo("max_tokens");

		Response wholeTemperature = api.post("/v1/chat/completions", token, map("model", "local/echo", "temperature", 1,
				"messages", List.of(map("role", "user", "content", List.of(map("type", "text", "text", "hi"))))));
		assertThat(wholeTemperature.status()).as(wholeTemperature.body()).isEqualTo(200);
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}
}
