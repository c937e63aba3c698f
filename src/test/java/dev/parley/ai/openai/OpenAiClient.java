package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the tests of the OpenAI-compatible API need from a client: a key, error and event parsing. */
final class OpenAiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenAiClient() {
	}

	/** A fresh user's new API key. */
	static String newApiKey(ApiClient api) {
		ApiClient.Session session = api.register();
		Response created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "openai sdk"));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	/** The {@code error} object of an OpenAI-shaped error response with the given status. */
	static JsonNode error(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode error = response.json().get("error");
		assertThat(error).isNotNull();
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.has("type")).isTrue();
		assertThat(error.has("param")).isTrue();
		assertThat(error.has("code")).isTrue();
		return error;
	}

	/**
	 * The {@code data:} payloads of a Server-Sent Events body, in order, checking the framing OpenAI
	 * uses: every event is one {@code data: } line followed by a blank line.
	 */
	static List<String> events(String body) {
		assertThat(body).endsWith("\n\n");
		List<String> events = List.of(body.substring(0, body.length() - 2).split("\n\n"));
		for (String event : events) {
			assertThat(event).startsWith("data: ").doesNotContain("\n");
		}
		return events.stream().map(event -> event.substring("data: ".length())).toList();
	}

	static JsonNode json(String data) {
		return JSON.readTree(data);
	}
}
