package dev.parley.ai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
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
 * A chat turn through an OpenAI-compatible fake over HTTP: a user's own key is sent instead of the
 * server's, it never shows in a response, and usage says whose key paid.
 */
@IntegrationTest
class OwnKeyIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Bom", " dia"));

	static final String SERVER_KEY = "sk-server-key-0123456789";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> SERVER_KEY);
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		openai.reset();
	}

	@Test
	void aUsersOwnKeyIsUsedInsteadOfTheServersAndNeverShown() {
		ApiClient.Session owner = api.register();
		String ownKey = "sk-own-" + UUID.randomUUID();
		Response stored = api.post("/api/v1/integrations", owner.accessToken(), map("provider", "openai", "api_key", ownKey));
		assertThat(stored.status()).isEqualTo(201);

		Response turn = turn(owner);

		assertThat(turn.status()).isEqualTo(200);
		assertThat(turn.json().get("assistant_message").get("content").asString()).isEqualTo("Bom dia");
		assertThat(openai.requests()).hasSize(1);
		assertThat(openai.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + ownKey);
		assertThat(turn.body()).doesNotContain(ownKey, SERVER_KEY);
		assertThat(stored.body()).doesNotContain(ownKey);
		assertThat(api.get("/api/v1/integrations", owner.accessToken()).body()).doesNotContain(ownKey);
		assertThat(keySourceOfUsage(owner)).isEqualTo("own");
	}

	@Test
	void aUserWithoutAKeyOfTheirOwnUsesTheServers() {
		ApiClient.Session user = api.register();

		assertThat(turn(user).status()).isEqualTo(200);

		assertThat(openai.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + SERVER_KEY);
		assertThat(keySourceOfUsage(user)).isEqualTo("server");
	}

	@Test
	void usageTotalsAndCostMatchWhatTheProviderReported() {
		ApiClient.Session user = api.register();
		Response turn = turn(user);
		assertThat(turn.json().get("assistant_message").get("usage").get("prompt_tokens").asInt())
			.isEqualTo(OpenAiWire.PROMPT_TOKENS);
		assertThat(turn.json().get("assistant_message").get("usage").get("completion_tokens").asInt()).isEqualTo(2);
		keySourceOfUsage(user);

		JsonNode totals = api.get("/api/v1/analytics/usage", user.accessToken()).json().get("totals");

		assertThat(totals.get("prompt_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS);
		assertThat(totals.get("completion_tokens").asInt()).isEqualTo(2);
		// gpt-4o-mini in the catalogue: 0.15 USD per million prompt tokens, 0.60 per million completion tokens.
		BigDecimal expected = new BigDecimal("0.15").multiply(BigDecimal.valueOf(OpenAiWire.PROMPT_TOKENS))
			.add(new BigDecimal("0.60").multiply(BigDecimal.valueOf(2)))
			.movePointLeft(6);
		assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo(expected);
	}

	@Test
	void anotherUsersIntegrationIsInvisible() {
		ApiClient.Session owner = api.register();
		String id = api.post("/api/v1/integrations", owner.accessToken(),
				map("provider", "openai", "api_key", "sk-own-" + UUID.randomUUID())).json().get("id").asString();
		ApiClient.Session other = api.register();
		assertThat(api.get("/api/v1/integrations/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/integrations/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/integrations/" + id, owner.accessToken()).status()).isEqualTo(200);
	}

	private Response turn(ApiClient.Session session) {
		String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Keys")).json().get("id").asString();
		return api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", "Good morning in Portuguese?", "model", "openai/gpt-4o-mini"));
	}

	private String keySourceOfUsage(ApiClient.Session session) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select key_source from usage_records where user_id = ?")
				.params(UUID.fromString(session.userId()))
				.query(String.class)
				.optional()
				.orElse(null), source -> source != null);
	}
}
