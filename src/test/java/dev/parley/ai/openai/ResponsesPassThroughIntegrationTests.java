package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.ResponsesWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/responses} for {@code openai/*} over real HTTP: passed through to a fake OpenAI. */
@IntegrationTest
class ResponsesPassThroughIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(request -> ResponsesWire.json("unused"));

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String key;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-pass-through");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
	}

	@BeforeEach
	void setUp() {
		openai.reset();
		session = api.register();
		key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "responses")).json().get("key").asString();
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Test
	void passesTheBodyAndTheAnswerThroughWithOnlyTheModelRewritten() {
		openai.enqueue(ResponsesWire.json("Hi from OpenAI"));
		Response answered = api.post("/v1/responses", key, map("model", "openai/gpt-4o-mini", "input", "hi",
				"reasoning", map("effort", "low"), "store", true, "previous_response_id", "resp_0",
				"include", List.of("reasoning.encrypted_content"), "x_client_only", map("a", 1)));

		assertThat(answered.status()).isEqualTo(200);
		JsonNode response = answered.json();
		assertThat(response.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
		assertThat(response.get("id").asString()).isEqualTo("resp_up");
		assertThat(response.get("x_upstream_only").get("kept").asBoolean()).isTrue();
		assertThat(response.get("output").get(0).get("content").get(0).get("text").asString()).isEqualTo("Hi from OpenAI");

		FakeProvider.Received sent = openai.requests().getFirst();
		assertThat(sent.uri()).isEqualTo("/v1/responses");
		assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-pass-through");
		JsonNode body = JSON.readTree(sent.body());
		assertThat(body.get("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(body.get("reasoning").get("effort").asString()).isEqualTo("low");
		assertThat(body.get("store").asBoolean()).isTrue();
		assertThat(body.get("previous_response_id").asString()).isEqualTo("resp_0");
		assertThat(body.get("x_client_only").get("a").asInt()).isEqualTo(1);
		assertThat(body.has("max_output_tokens")).isFalse();

		// gpt-4o-mini: 0.15 USD per million input tokens, 0.60 per million output tokens.
		BigDecimal cost = new BigDecimal("0.15").multiply(BigDecimal.valueOf(ResponsesWire.INPUT_TOKENS))
			.add(new BigDecimal("0.60").multiply(BigDecimal.valueOf(ResponsesWire.OUTPUT_TOKENS)))
			.movePointLeft(6);
		Awaitility.await().untilAsserted(() -> {
			JsonNode totals = api.get("/api/v1/analytics/usage", session.accessToken()).json().get("totals");
			assertThat(totals.get("prompt_tokens").asInt()).isEqualTo(ResponsesWire.INPUT_TOKENS);
			assertThat(totals.get("completion_tokens").asInt()).isEqualTo(ResponsesWire.OUTPUT_TOKENS);
			assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo(cost);
		});
	}

	@Test
	void relaysTheEventStreamRewritingOnlyTheModel() {
		openai.enqueue(ResponsesWire.stream("Hel", "lo"));
		try (SseStream stream = api.stream("POST", "/v1/responses", key,
				map("model", "openai/gpt-4o-mini", "input", "hi", "stream", true), null)) {
			assertThat(stream.status()).isEqualTo(200);
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name)
				.containsExactly("response.created", "response.output_text.delta", "response.output_text.delta",
						"response.completed");
			assertThat(events.getFirst().json().get("response").get("model").asString()).isEqualTo("openai/gpt-4o-mini");
			assertThat(events.get(1).json().get("obfuscation").asString()).isEqualTo("x1");
			JsonNode completed = events.getLast().json().get("response");
			assertThat(completed.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
			assertThat(completed.get("x_upstream_only").get("kept").asBoolean()).isTrue();
		}
		assertThat(JSON.readTree(openai.requests().getFirst().body()).get("stream").asBoolean()).isTrue();
		Awaitility.await().untilAsserted(() -> assertThat(api.get("/api/v1/analytics/usage", session.accessToken())
			.json().get("totals").get("completion_tokens").asInt()).isEqualTo(ResponsesWire.OUTPUT_TOKENS));
	}

	@Test
	void keepsOpenAisClientErrorsAndHidesTheServerKeysRefusal() {
		openai.enqueue(ResponsesWire.error(400, "Unknown parameter: 'x_client_only'. See https://platform.openai.com/docs",
				"x_client_only"));
		JsonNode invalid = OpenAiClient.error(api.post("/v1/responses", key,
				map("model", "openai/gpt-4o-mini", "input", "hi", "x_client_only", 1)), 400);
		assertThat(invalid.get("param").asString()).isEqualTo("x_client_only");
		assertThat(invalid.get("message").asString()).startsWith("Unknown parameter").doesNotContain("https://");

		openai.enqueue(OpenAiWire.error(401, "invalid_request_error"));
		Response refused = api.post("/v1/responses", key, map("model", "openai/gpt-4o-mini", "input", "hi"));
		JsonNode error = OpenAiClient.error(refused, 502);
		assertThat(error.get("code").asString()).isEqualTo("provider_error");
		assertThat(refused.body()).doesNotContain("sk-");
	}
}
