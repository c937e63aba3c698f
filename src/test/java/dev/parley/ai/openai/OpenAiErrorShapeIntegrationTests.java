package dev.parley.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Errors raised under {@code /v1} before any of its controllers runs (unknown path, wrong method,
 * content type or accept, a body over the limit, TRACE) are in OpenAI's shape too.
 */
@IntegrationTest
class OpenAiErrorShapeIntegrationTests {

	@Autowired
	ApiClient api;

	String key;

	@BeforeEach
	void createKey() {
		key = OpenAiClient.newApiKey(api);
	}

	@Test
	void answersAnUnknownPathWith404() {
		JsonNode error = OpenAiClient.error(api.get("/v1/nothing-here", key), 404);
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
	}

	@Test
	void answersUnknownPathsOfAnyMethodAndDepthWith404() {
		for (Response response : new Response[] { api.post("/v1/files/batches/1", key, "{\"a\":1}"),
				api.get("/v1/chat/completions/abc/messages", key), api.delete("/v1/nothing", key) }) {
			JsonNode error = OpenAiClient.error(response, 404);
			assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
			assertThat(response.body()).doesNotContain("\"status\"", "\"title\"", "Whitelabel");
		}
	}

	@Test
	void answersAWrongMethodWith405() {
		Response response = api.delete("/v1/chat/completions", key);
		OpenAiClient.error(response, 405);
		assertThat(response.header("Allow")).contains("POST");
	}

	@Test
	void answersAWrongContentTypeWith415() {
		OpenAiClient.error(api.raw("POST", "/v1/chat/completions", key, "text/plain", "hello"), 415);
	}

	@Test
	void answersAnUnacceptableAcceptWith406() {
		OpenAiClient.error(api.send(api.request("/v1/models", key).header("Accept", "application/xml").GET()), 406);
	}

	@Test
	void answersABodyOverTheLimitWith413() {
		String body = "{\"model\": \"local/echo\", \"messages\": [{\"role\": \"user\", \"content\": \"" + "a".repeat(1024 * 1024)
				+ "\"}]}";
		OpenAiClient.error(api.raw("POST", "/v1/chat/completions", key, "application/json", body), 413);
	}

	@Test
	void answersAChunkedBodyOverTheLimitWith413() {
		for (String path : new String[] { "/v1/chat/completions", "/v1/embeddings", "/v1/responses" }) {
			byte[] body = oversizedJson();
			Response response = api.send(api.request(path, key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

			JsonNode error = OpenAiClient.error(response, 413);
			assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
			assertThat(error.get("message").asString()).as(path).contains("larger than this server accepts");
		}
	}

	/** A JSON object of more than 1 MiB, sent without a declared length. */
	private static byte[] oversizedJson() {
		byte[] body = new byte[1024 * 1024 + 100];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		return body;
	}

	@Test
	void answersAnEmptyBodyWith400() {
		JsonNode error = OpenAiClient.error(api.raw("POST", "/v1/chat/completions", key, "application/json", ""), 400);
		assertThat(error.get("message").asString()).contains("body is missing");
	}

	@Test
	void refusesTraceWith405() {
		Response response = api.send(api.request("/v1/models", key).method("TRACE", HttpRequest.BodyPublishers.noBody()));
		OpenAiClient.error(response, 405);
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.body()).doesNotContain(key);
	}
}
