package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Per-key limits over HTTP: an API key's own {@code max_parallel_requests} (instead of the per-user
 * cap of interactive sessions), {@code rpm}, {@code tpm} and {@code models}, managed on
 * {@code /api/v1/api-keys} and enforced on {@code /v1}.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.ai.limits.max-concurrent-per-user=1",
		"parley.ai.openai.api-key=sk-limits-test", "parley.ai.openai.base-url=http://127.0.0.1:1",
		"parley.ai.models[0].id=openai/gpt-4o-mini" })
class ApiKeyLimitsIntegrationTests {

	/** Enough words for the echo model to take seconds to stream back. */
	private static final String LONG_PROMPT = "word ".repeat(150);

	@Autowired
	ApiClient api;

	@Test
	void keysCarryTheirLimitsThroughCreateGetPatchAndList() {
		Session session = api.register();
		Response created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "batch",
				"max_parallel_requests", 8, "rpm", 60, "tpm", 10000, "models", List.of("local/echo", "openai/*")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode key = created.json();
		assertThat(key.get("max_parallel_requests").asInt()).isEqualTo(8);
		assertThat(key.get("models").toString()).isEqualTo("[\"local/echo\",\"openai/*\"]");
		String path = "/api/v1/api-keys/" + key.get("id").asString();

		Response patched = api.patch(path, session.accessToken(), map("rpm", 0, "tpm", 500, "models", List.of()));

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		JsonNode got = api.get(path, session.accessToken()).json();
		assertThat(got.get("name").asString()).isEqualTo("batch");
		assertThat(got.get("max_parallel_requests").asInt()).isEqualTo(8);
		assertThat(got.get("rpm").isNull()).isTrue();
		assertThat(got.get("tpm").asInt()).isEqualTo(500);
		assertThat(got.get("models").isNull()).isTrue();
		assertThat(got.has("key")).isFalse();
		assertThat(api.get("/api/v1/api-keys", session.accessToken()).json().get("items").get(0).get("tpm").asInt())
			.isEqualTo(500);
		// Another user's key is a key that does not exist.
		assertThat(api.get(path, api.register().accessToken()).status()).isEqualTo(404);
	}

	@Test
	void refusesInvalidLimitsNamingEveryField() {
		Session session = api.register();
		Response refused = api.post("/api/v1/api-keys", session.accessToken(),
				map("name", "bad", "rpm", -1, "tpm", -5, "models", List.of("has space")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("type").asString()).isEqualTo("https://parley.dev/problems/validation");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("rpm", "tpm",
				"models");
		assertThat(api.get("/api/v1/api-keys", session.accessToken()).json().get("items")).isEmpty();
	}

	@Test
	void aKeySeesAndUsesOnlyItsModels() {
		Session session = api.register();
		String key = key(session, map("name", "echo only", "models", List.of("local/echo")));
		String unrestricted = key(session, map("name", "any"));
		assertThat(ids(api.get("/v1/models", unrestricted))).contains("openai/gpt-4o-mini", "local/echo");

		assertThat(ids(api.get("/v1/models", key))).containsExactly("local/echo");
		JsonNode error = OpenAiClient.error(complete(key, "openai/gpt-4o-mini", 10), 404);
		assertThat(error.get("code").asString()).isEqualTo("model_not_found");
		assertThat(error.get("param").asString()).isEqualTo("model");
		assertThat(complete(key, "local/echo", 10).status()).isEqualTo(200);
	}

	@Test
	void aKeyPastItsRequestsPerMinuteIsRefusedInOpenAisShape() {
		String key = key(api.register(), map("name", "slow", "rpm", 2));
		Response first = complete(key, "local/echo", 10);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"key-rpm\";q=2;w=60");
		assertThat(first.header("RateLimit")).matches("\"key-rpm\";r=1;t=\\d+");
		assertThat(complete(key, "local/echo", 10).status()).isEqualTo(200);

		Response refused = complete(key, "local/echo", 10);

		JsonNode error = OpenAiClient.error(refused, 429);
		assertThat(error.get("type").asString()).isEqualTo("rate_limit_error");
		assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.header("RateLimit")).matches("\"key-rpm\";r=0;t=\\d+");
	}

	@Test
	void aKeyPastItsTokensPerMinuteIsRefusedBeforeAnythingIsGenerated() {
		String key = key(api.register(), map("name", "frugal", "tpm", 100));
		// "hi" is a token by estimate, plus the 60 asked for: 61 of the 100.
		Response first = complete(key, "local/echo", 60);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit")).matches("\"key-tpm\";r=39;t=\\d+");

		Response refused = complete(key, "local/echo", 60);

		assertThat(OpenAiClient.error(refused, 429).get("message").asString()).contains("tpm");
		assertThat(complete(key, "local/echo", 30).status()).isEqualTo(200);
	}

	@Test
	void aKeyHasItsOwnParallelRequestsWhileASessionHasThePerUserCap() throws Exception {
		Session session = api.register();
		String roomy = key(session, map("name", "roomy", "max_parallel_requests", 2));
		String single = key(session, map("name", "single", "max_parallel_requests", 1));
		try (SseStream first = stream(roomy); SseStream second = stream(roomy)) {
			assertThat(first.status()).isEqualTo(200);
			assertThat(second.status()).isEqualTo(200);
			JsonNode third = OpenAiClient.error(complete(roomy, "local/echo", 10), 429);
			assertThat(third.get("message").asString()).contains("2");
		}
		try (SseStream only = stream(single)) {
			assertThat(only.status()).isEqualTo(200);
			OpenAiClient.error(complete(single, "local/echo", 10), 429);
		}
		// The session is held to parley.ai.limits.max-concurrent-per-user (1 here).
		try (SseStream running = api.stream("POST", "/v1/chat/completions", session.accessToken(),
				map("model", "local/echo", "stream", true, "messages", List.of(map("role", "user", "content", LONG_PROMPT))),
				null)) {
			assertThat(running.status()).isEqualTo(200);
			assertThat(api.post("/v1/chat/completions", session.accessToken(),
					map("model", "local/echo", "messages", List.of(map("role", "user", "content", "hi")))).status())
				.isEqualTo(429);
		}
	}

	private SseStream stream(String key) {
		return api.stream("POST", "/v1/chat/completions", key,
				map("model", "local/echo", "stream", true, "messages", List.of(map("role", "user", "content", LONG_PROMPT))),
				null);
	}

	private Response complete(String key, String model, int maxTokens) {
		return api.post("/v1/chat/completions", key,
				map("model", model, "max_tokens", maxTokens, "messages", List.of(map("role", "user", "content", "hi"))));
	}

	private String key(Session session, Object body) {
		Response created = api.post("/api/v1/api-keys", session.accessToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	private static List<String> ids(Response models) {
		assertThat(models.status()).isEqualTo(200);
		return models.json().get("data").findValuesAsString("id");
	}
}
