package dev.parley.ai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/ai/generate} over HTTP, against a fake OpenAI. */
@IntegrationTest
class GenerateIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Hello", ", ", "world"));

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	String token;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-integration");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("parley.ai.retry.initial-backoff", () -> "10ms");
	}

	@BeforeEach
	void setUp() {
		openai.reset();
		token = api.register().accessToken();
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Test
	void answersWhole() {
		ApiClient.Response response = api.post("/api/v1/ai/generate", token,
				map("model", "openai/gpt-4o-mini", "prompt", "Hi", "system", "Be brief", "max_tokens", 20));

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
		assertThat(body.get("content").asString()).isEqualTo("Hello, world");
		assertThat(body.get("finish_reason").asString()).isEqualTo("stop");
		assertThat(body.get("usage").get("prompt_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS);
		assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
		assertThat(body.get("usage").get("total_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS + 3);
		JsonNode sent = JSON.readTree(openai.requests().getFirst().body());
		assertThat(sent.get("messages").get(0).get("content").asString()).isEqualTo("Be brief");
		assertThat(sent.get("messages").get(1).get("content").asString()).isEqualTo("Hi");
		assertThat(sent.get("max_tokens").asInt()).isEqualTo(20);
	}

	@Test
	void streamsServerSentEventsWithIds() {
		ApiClient.Response response = api.post("/api/v1/ai/generate", token, map("model", "openai/gpt-4o-mini",
				"messages", List.of(map("role", "user", "content", "Hi")), "stream", true));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		List<Event> events = Event.parse(response.body());
		assertThat(events).extracting(Event::name).containsExactly("delta", "delta", "delta", "done");
		assertThat(events).extracting(Event::id).containsExactly("1", "2", "3", "4");
		assertThat(events.subList(0, 3)).extracting(event -> event.data().get("content").asString())
			.containsExactly("Hello", ", ", "world");
		JsonNode done = events.getLast().data();
		assertThat(done.get("model").asString()).isEqualTo("openai/gpt-4o-mini");
		assertThat(done.get("content").asString()).isEqualTo("Hello, world");
		assertThat(done.get("finish_reason").asString()).isEqualTo("stop");
		assertThat(done.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
	}

	@Test
	void streamsAProblemWhenTheProviderFails() {
		openai.enqueue(OpenAiWire.error(401, "invalid_request_error"));

		ApiClient.Response response = api.post("/api/v1/ai/generate", token,
				map("model", "openai/gpt-4o-mini", "prompt", "Hi", "stream", true));

		List<Event> events = Event.parse(response.body());
		assertThat(events).extracting(Event::name).containsExactly("error");
		assertThat(events.getFirst().id()).isEqualTo("1");
		JsonNode problem = events.getFirst().data();
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("type").asString()).endsWith("/provider-error");
		assertThat(problem.get("detail").asString()).contains("refused the API key");
		assertThat(response.body()).doesNotContain("sk-integration");
	}

	@Test
	void aProviderFailureIsABadGatewayProblem() {
		openai.enqueue(OpenAiWire.error(401, "invalid_request_error"));

		ApiClient.Response response = api.post("/api/v1/ai/generate", token,
				map("model", "openai/gpt-4o-mini", "prompt", "Hi"));

		assertThat(response.status()).isEqualTo(502);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("The provider refused the API key (HTTP 401).");
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void theDevelopmentModelAnswersToo() {
		ApiClient.Response response = api.post("/api/v1/ai/generate", token,
				map("model", "local/echo", "prompt", "one two"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("content").asString()).isEqualTo("Echo: one two");
		assertThat(openai.requestCount()).isZero();
	}

	@Test
	void refusesInvalidPrompts() {
		assertInvalid(map("model", "openai/gpt-4o-mini", "prompt", "Hi", "messages",
				List.of(map("role", "user", "content", "Hi"))), "prompt");
		assertInvalid(map("model", "openai/gpt-4o-mini"), "messages");
		assertInvalid(map("messages", List.of(map("role", "user", "content", "x".repeat(100_001)))),
				"messages[0].content");
		assertInvalid(map("messages", List.of(map("role", "wizard", "content", "Hi"))), "messages[0].role");
		assertInvalid(map("prompt", "Hi", "temperature", 3), "temperature");
		assertInvalid(map("model", "nope/model", "prompt", "Hi"), "model");
		assertThat(openai.requestCount()).isZero();
	}

	@Test
	void requiresAuthentication() {
		assertThat(api.post("/api/v1/ai/generate", null, map("prompt", "Hi")).status()).isEqualTo(401);
	}

	private void assertInvalid(Map<String, Object> body, String field) {
		ApiClient.Response response = api.post("/api/v1/ai/generate", token, body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).contains(field);
	}

	/** One Server-Sent Event as a client reads it. */
	record Event(String id, String name, JsonNode data) {

		static List<Event> parse(String body) {
			List<Event> events = new ArrayList<>();
			for (String block : body.replace("\r\n", "\n").split("\n\n")) {
				Map<String, String> fields = new LinkedHashMap<>();
				for (String line : block.split("\n")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						fields.merge(line.substring(0, colon), line.substring(colon + 1).stripLeading(), (a, b) -> a + "\n" + b);
					}
				}
				if (fields.containsKey("data")) {
					events.add(new Event(fields.get("id"), fields.get("event"), JSON.readTree(fields.get("data"))));
				}
			}
			return events;
		}
	}
}
