package dev.parley.ai.cache;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The response cache over real HTTP, against a fake OpenAI that counts its calls: a second identical
 * request is answered without reaching it, on every path (generate, chat turns, the /v1 pass-through).
 */
@IntegrationTest
class ResponseCacheIntegrationTests {

	static final String MODEL = "openai/gpt-4o-mini";

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Cached", " answer"));

	/** A provider whose /v1 requests are translated (not passed through). */
	static final FakeProvider anthropic = FakeProvider.start(AnthropicWire.answering("Translated", " answer"));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-cache-tests");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("parley.ai.models[0].id", () -> MODEL);
		registry.add("parley.ai.models[0].input-per-mtok", () -> "1000");
		registry.add("parley.ai.models[0].output-per-mtok", () -> "2000");
		registry.add("parley.ai.retry.initial-backoff", () -> "10ms");
		registry.add("parley.ai.anthropic.api-key", () -> "sk-ant-cache-tests");
		registry.add("parley.ai.anthropic.base-url", anthropic::baseUrl);
	}

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResponseCache cache;

	@BeforeEach
	void reset() {
		openai.reset();
		anthropic.reset();
	}

	@AfterAll
	static void stop() {
		openai.close();
		anthropic.close();
	}

	@Test
	void answersTheSecondIdenticalGenerationFromTheCacheAtNoCost() {
		Session user = api.register();
		Map<String, Object> body = map("model", MODEL, "prompt", "What is 2 + 2?", "temperature", 0, "cache", true);

		Response first = api.post("/api/v1/ai/generate", user.accessToken(), body);
		Response second = api.post("/api/v1/ai/generate", user.accessToken(), body);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.json().get("content").asString()).isEqualTo("Cached answer");
		assertThat(second.json().get("usage")).isEqualTo(first.json().get("usage"));
		assertThat(openai.requestCount()).isEqualTo(1);
		List<Map<String, Object>> usage = usage(user, 2);
		assertThat(usage.get(0).get("cache_hit")).isEqualTo(false);
		assertThat((BigDecimal) usage.get(0).get("cost_usd")).isPositive();
		assertThat(usage.get(1).get("cache_hit")).isEqualTo(true);
		assertThat((BigDecimal) usage.get(1).get("cost_usd")).isZero();
		assertThat(usage.get(1).get("prompt_tokens")).isEqualTo(usage.get(0).get("prompt_tokens"));
		assertThat(usage.get(1).get("completion_tokens")).isEqualTo(usage.get(0).get("completion_tokens"));
		JsonNode totals = api.get("/api/v1/analytics/usage", user.accessToken()).json().get("totals");
		assertThat(totals.get("requests").asLong()).isEqualTo(2);
		assertThat(totals.get("cache_hits").asLong()).isEqualTo(1);
	}

	@Test
	void aRequestWithoutTheCacheIsNeitherAnsweredFromItNorMarked() {
		Session user = api.register();
		Map<String, Object> cached = map("model", MODEL, "prompt", "Plain", "temperature", 0, "cache", true);
		api.post("/api/v1/ai/generate", user.accessToken(), cached);

		Response plain = api.post("/api/v1/ai/generate", user.accessToken(),
				map("model", MODEL, "prompt", "Plain", "temperature", 0));

		assertThat(plain.header("x-parley-cache")).isNull();
		assertThat(openai.requestCount()).isEqualTo(2);
	}

	@Test
	void anotherUsersIdenticalRequestIsAMiss() {
		Map<String, Object> body = map("model", MODEL, "prompt", "Same words", "seed", 7, "cache", true);
		api.post("/api/v1/ai/generate", api.register().accessToken(), body);

		Response other = api.post("/api/v1/ai/generate", api.register().accessToken(), body);

		assertThat(other.header("x-parley-cache")).isEqualTo("miss");
		assertThat(openai.requestCount()).isEqualTo(2);
	}

	@Test
	void aParameterThatDiffersIsAMiss() {
		Session user = api.register();
		api.post("/api/v1/ai/generate", user.accessToken(),
				map("model", MODEL, "prompt", "Length", "temperature", 0, "cache", true, "max_tokens", 10));

		Response longer = api.post("/api/v1/ai/generate", user.accessToken(),
				map("model", MODEL, "prompt", "Length", "temperature", 0, "cache", true, "max_tokens", 20));

		assertThat(longer.header("x-parley-cache")).isEqualTo("miss");
		assertThat(openai.requestCount()).isEqualTo(2);
	}

	@Test
	void refusesARequestThatCannotBeCachedNamingTheField() {
		Session user = api.register();

		Response sampled = api.post("/api/v1/ai/generate", user.accessToken(),
				map("model", MODEL, "prompt", "Random", "temperature", 0.7, "cache", true));

		assertThat(sampled.status()).isEqualTo(400);
		assertThat(sampled.json().get("errors").get(0).get("field").asString()).isEqualTo("cache");
		assertThat(sampled.json().get("errors").get(0).get("message").asString())
			.isEqualTo("caching needs temperature 0 or a seed");
		Response toolsOnV1 = api.send(api.request("/v1/chat/completions", apiKey(user))
			.header("Content-Type", "application/json")
			.header("x-parley-cache", "true")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"model":"%s","temperature":0,"messages":[{"role":"user","content":"Hi"}],
					 "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]}"""
				.formatted(MODEL))));
		assertThat(toolsOnV1.status()).isEqualTo(400);
		assertThat(toolsOnV1.json().get("error").get("param").asString()).isEqualTo("x-parley-cache");
		assertThat(toolsOnV1.json().get("error").get("message").asString())
			.contains("requests with tools are never cached");
		assertThat(openai.requestCount()).isZero();
	}

	@Test
	void replaysACachedAnswerAsAStreamInTheSameWireFormat() {
		Session user = api.register();
		String body = """
				{"model":"%s","prompt":"Stream it","temperature":0,"cache":true,"stream":true}""".formatted(MODEL);

		Response first = streamed("/api/v1/ai/generate", user.accessToken(), body);
		Response second = streamed("/api/v1/ai/generate", user.accessToken(), body);

		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.contentType()).startsWith("text/event-stream");
		assertThat(deltas(second.body())).isEqualTo(deltas(first.body())).isEqualTo("Cached answer");
		assertThat(second.body()).contains("event:done");
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void replaysAPassedThroughAnswerAsTheServerSentIt() {
		Session user = api.register();
		String key = apiKey(user);
		String body = """
				{"model":"%s","seed":42,"messages":[{"role":"user","content":"Pass me"}]}""".formatted(MODEL);
		String streamedBody = body.replace("\"seed\"", "\"stream\":true,\"seed\"");

		Response first = gateway(key, body);
		Response second = gateway(key, body);
		Response firstStream = gateway(key, streamedBody);
		Response secondStream = gateway(key, streamedBody);

		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.json().get("model").asString()).isEqualTo(MODEL);
		assertThat(firstStream.header("x-parley-cache")).isEqualTo("miss");
		assertThat(secondStream.header("x-parley-cache")).isEqualTo("hit");
		assertThat(secondStream.contentType()).startsWith("text/event-stream");
		assertThat(secondStream.body()).isEqualTo(firstStream.body()).contains("data: [DONE]");
		// One call for the whole answer and one for the stream: the replays never reached the server.
		assertThat(openai.requestCount()).isEqualTo(2);
		List<Map<String, Object>> usage = usage(user, 4);
		assertThat(usage).extracting(row -> row.get("cache_hit")).containsExactly(false, true, false, true);
		assertThat((BigDecimal) usage.get(1).get("cost_usd")).isZero();
		assertThat(usage.get(1).get("completion_tokens")).isEqualTo(usage.get(0).get("completion_tokens"));
	}

	@Test
	void answersATranslatedGatewayRequestFromTheCacheWholeAndStreamed() {
		String key = apiKey(api.register());
		String body = """
				{"model":"anthropic/claude-fake","temperature":0,"messages":[{"role":"user","content":"Translate me"}]}""";
		String streamedBody = body.replace("\"temperature\"", "\"stream\":true,\"temperature\"");

		Response first = gateway(key, body);
		Response second = gateway(key, body);
		Response streamed = gateway(key, streamedBody);

		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.json().get("choices").get(0).get("message").get("content").asString())
			.isEqualTo("Translated answer");
		assertThat(second.json().get("usage")).isEqualTo(first.json().get("usage"));
		assertThat(second.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
		// The same answer, asked for as a stream: replayed as OpenAI chunks.
		assertThat(streamed.header("x-parley-cache")).isEqualTo("hit");
		assertThat(streamed.contentType()).startsWith("text/event-stream");
		assertThat(streamed.body()).contains("chat.completion.chunk", "Translated answer", "data: [DONE]");
		assertThat(anthropic.requestCount()).isEqualTo(1);
	}

	@Test
	void aCachedChatTurnStillStoresBothMessages() {
		Session user = api.register();

		Response first = turn(user, chat(user), map("content", "Tell me once", "model", MODEL, "temperature", 0,
				"cache", true));
		String chat = chat(user);
		Response second = turn(user, chat, map("content", "Tell me once", "model", MODEL, "temperature", 0,
				"cache", true));

		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.json().get("assistant_message").get("status").asString()).isEqualTo("completed");
		assertThat(openai.requestCount()).isEqualTo(1);
		JsonNode history = api.get("/api/v1/chats/" + chat + "/messages", user.accessToken()).json().get("items");
		assertThat(history).extracting(message -> message.get("role").asString() + ":" + message.get("content").asString())
			.containsExactly("user:Tell me once", "assistant:Cached answer");
		assertThat(history.get(1).get("status").asString()).isEqualTo("completed");
	}

	@Test
	void aChatTurnThatCannotBeCachedIsRefusedBeforeAnythingIsStored() {
		Session user = api.register();
		String chat = chat(user);

		Response refused = turn(user, chat, map("content", "Random", "model", MODEL, "cache", true));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cache");
		assertThat(api.get("/api/v1/chats/" + chat + "/messages", user.accessToken()).json().get("items")).isEmpty();
		assertThat(openai.requestCount()).isZero();
	}

	@Test
	void anAgentAnAdminSharedSharesItsCacheAcrossUsers() {
		Session owner = api.register();
		Response refused = api.post("/api/v1/agents", owner.accessToken(), sharedAgent());
		assertThat(refused.status()).isEqualTo(403);
		String admin = admin(owner);
		Response created = api.post("/api/v1/agents", admin, sharedAgent());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("cache").get("shared").asBoolean()).isTrue();
		String agentId = created.json().get("id").asString();
		Session reader = api.register();

		Response first = turn(owner, chat(owner), map("content", "Shared question", "agent_id", agentId));
		Response second = turn(reader, chat(reader), map("content", "Shared question", "agent_id", agentId));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("x-parley-cache")).isEqualTo("miss");
		assertThat(second.header("x-parley-cache")).isEqualTo("hit");
		assertThat(second.json().get("assistant_message").get("content").asString()).isEqualTo("Cached answer");
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void anAgentWithToolsCannotHaveTheCacheOn() {
		Session user = api.register();

		Response refused = api.post("/api/v1/agents", user.accessToken(), map("name", "Tooled", "model", MODEL,
				"temperature", 0, "tools", List.of("current_time"), "cache", map("enabled", true)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").toString()).contains("cache.enabled");
	}

	@Test
	void anEntryExpiresAfterItsTimeToLiveAndIsSwept() {
		Session user = api.register();
		Map<String, Object> body = map("model", MODEL, "prompt", "Short-lived", "temperature", 0, "cache", true,
				"cache_ttl_seconds", 1);
		api.post("/api/v1/ai/generate", user.accessToken(), body);
		OffsetDateTime expiresAt = entries(user).getFirst();

		await().atMost(Duration.ofSeconds(5)).until(() -> OffsetDateTime.now().isAfter(expiresAt));
		Response again = api.post("/api/v1/ai/generate", user.accessToken(), body);

		assertThat(again.header("x-parley-cache")).isEqualTo("miss");
		assertThat(openai.requestCount()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> OffsetDateTime.now().isAfter(entries(user).getFirst()));
		cache.sweep();
		assertThat(entries(user)).isEmpty();
	}

	@Test
	void aTimeToLiveIsCappedByTheServersMaximum() {
		Session user = api.register();
		api.post("/api/v1/ai/generate", user.accessToken(), map("model", MODEL, "prompt", "Forever", "temperature", 0,
				"cache", true, "cache_ttl_seconds", 1_000_000_000));

		Map<String, Object> row = jdbc.sql("select created_at, expires_at from response_cache where user_id = ?")
			.param(UUID.fromString(user.userId()))
			.query()
			.singleRow();

		assertThat(Duration.between(((java.sql.Timestamp) row.get("created_at")).toInstant(),
				((java.sql.Timestamp) row.get("expires_at")).toInstant())).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void erasingAUserDeletesTheirEntries() {
		Session user = api.register();
		api.post("/api/v1/ai/generate", user.accessToken(),
				map("model", MODEL, "prompt", "Forget me", "temperature", 0, "cache", true));
		assertThat(entries(user)).hasSize(1);

		Response erased = api.raw("DELETE", "/api/v1/users/me", user.accessToken(), "application/json",
				"{\"password\":\"" + Session.PASSWORD + "\"}");

		assertThat(erased.status()).isEqualTo(204);
		assertThat(entries(user)).isEmpty();
	}

	private Map<String, Object> sharedAgent() {
		return map("name", "Published prompts", "model", MODEL, "instructions", "Answer briefly.", "temperature", 0,
				"cache", map("enabled", true, "shared", true));
	}

	private String admin(Session session) {
		jdbc.sql("update users set role = 'ADMIN' where id = ?").param(UUID.fromString(session.userId())).update();
		return api.post("/api/v1/auth/login", null, map("email", session.email(), "password", Session.PASSWORD))
			.json()
			.get("access_token")
			.asString();
	}

	private String chat(Session user) {
		return api.post("/api/v1/chats", user.accessToken(), map("title", "Cache")).json().get("id").asString();
	}

	private Response turn(Session user, String chat, Map<String, Object> body) {
		return api.post("/api/v1/chats/" + chat + "/completions", user.accessToken(), body);
	}

	private String apiKey(Session user) {
		return api.post("/api/v1/api-keys", user.accessToken(), map("name", "sdk")).json().get("key").asString();
	}

	private Response gateway(String key, String body) {
		return api.send(api.request("/v1/chat/completions", key)
			.header("Content-Type", "application/json")
			.header("x-parley-cache", "true")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Response streamed(String path, String token, String body) {
		return api.send(api.request(path, token)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String deltas(String sse) {
		StringBuilder text = new StringBuilder();
		String event = null;
		for (String line : sse.split("\n")) {
			if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:") && "delta".equals(event)) {
				text.append(json(line.substring(5)).get("content").asString());
			}
		}
		return text.toString();
	}

	private static JsonNode json(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
	}

	private List<OffsetDateTime> entries(Session user) {
		return jdbc.sql("select expires_at from response_cache where user_id = ? order by created_at desc")
			.param(UUID.fromString(user.userId()))
			.query(OffsetDateTime.class)
			.list();
	}

	private List<Map<String, Object>> usage(Session user, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select prompt_tokens, completion_tokens, cost_usd, cache_hit from usage_records "
					+ "where user_id = ? order by created_at")
				.param(UUID.fromString(user.userId()))
				.query()
				.listOfRows(), rows -> rows.size() >= count);
	}
}
