package dev.parley.ai.anthropic;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
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

/**
 * {@code POST /v1/messages} over real HTTP as an Anthropic SDK sends it ({@code x-api-key},
 * {@code anthropic-version}), answered by {@code local/echo} and by a fake OpenAI upstream.
 */
@IntegrationTest
class MessagesIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Hello", " there"));

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ECHO = "local/echo";

	static final Map<String, Object> LOOKUP = map("name", "lookup", "description", "Looks a thing up", "input_schema",
			map("type", "object", "properties", map("q", map("type", "integer"))));

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String key;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-messages");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
	}

	@BeforeEach
	void setUp() {
		openai.reset();
		session = api.register();
		key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "anthropic sdk")).json().get("key").asString();
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Test
	void answersWithAWholeMessage() {
		Response response = messages(map("model", ECHO, "max_tokens", 100, "system",
				List.of(map("type", "text", "text", "Be terse.", "cache_control", map("type", "ephemeral"))),
				"messages", List.of(map("role", "user", "content", "hello there"),
						map("role", "assistant", "content", "Echo: hello there"),
						map("role", "user", "content", List.of(map("type", "text", "text", "say it again")))),
				"metadata", map("user_id", "someone")));

		assertThat(response.status()).isEqualTo(200);
		JsonNode message = response.json();
		assertThat(message.get("id").asString()).startsWith("msg_");
		assertThat(message.get("type").asString()).isEqualTo("message");
		assertThat(message.get("role").asString()).isEqualTo("assistant");
		assertThat(message.get("model").asString()).isEqualTo(ECHO);
		assertThat(message.get("content")).hasSize(1);
		assertThat(message.get("content").get(0).get("type").asString()).isEqualTo("text");
		assertThat(message.get("content").get(0).get("text").asString()).isEqualTo("Echo: say it again");
		assertThat(message.get("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(message.get("stop_sequence").isNull()).isTrue();
		// Words: 2 system, 2 + 3 + 3 in the messages.
		assertThat(message.get("usage").get("input_tokens").asInt()).isEqualTo(10);
		assertThat(message.get("usage").get("output_tokens").asInt()).isEqualTo(4);
		Awaitility.await().untilAsserted(() -> assertThat(
				api.get("/api/v1/analytics/usage", session.accessToken()).json().get("totals").get("prompt_tokens").asInt())
			.isEqualTo(10));
	}

	@Test
	void streamsAnthropicsEvents() {
		try (SseStream stream = stream(map("model", ECHO, "max_tokens", 100, "stream", true,
				"messages", List.of(map("role", "user", "content", "one two"))))) {
			assertThat(stream.status()).isEqualTo(200);
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name)
				.containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
						"content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
			for (SseStream.Event event : events) {
				assertThat(event.json().get("type").asString()).isEqualTo(event.name());
			}
			JsonNode start = events.getFirst().json().get("message");
			assertThat(start.get("id").asString()).startsWith("msg_");
			assertThat(start.get("content")).isEmpty();
			assertThat(start.get("model").asString()).isEqualTo(ECHO);
			assertThat(events.get(2).json().get("content_block").get("type").asString()).isEqualTo("text");
			StringBuilder text = new StringBuilder();
			for (SseStream.Event event : events.subList(3, 6)) {
				assertThat(event.json().get("index").asInt()).isZero();
				assertThat(event.json().get("delta").get("type").asString()).isEqualTo("text_delta");
				text.append(event.json().get("delta").get("text").asString());
			}
			assertThat(text).hasToString("Echo: one two");
			JsonNode end = events.get(7).json();
			assertThat(end.get("delta").get("stop_reason").asString()).isEqualTo("end_turn");
			assertThat(end.get("usage").get("output_tokens").asInt()).isEqualTo(3);
			assertThat(end.get("usage").get("input_tokens").asInt()).isEqualTo(2);
		}
	}

	@Test
	void callsAToolAndTakesItsResultWithTheEchoModel() {
		Response called = messages(map("model", ECHO, "max_tokens", 100, "tools", List.of(LOOKUP),
				"messages", List.of(map("role", "user", "content", "/tool lookup {\"q\": 1}"))));
		JsonNode message = called.json();
		assertThat(message.get("stop_reason").asString()).isEqualTo("tool_use");
		JsonNode toolUse = message.get("content").get(0);
		assertThat(toolUse.get("type").asString()).isEqualTo("tool_use");
		assertThat(toolUse.get("name").asString()).isEqualTo("lookup");
		assertThat(toolUse.get("input").get("q").asInt()).isEqualTo(1);

		Response answered = messages(map("model", ECHO, "max_tokens", 100, "tools", List.of(LOOKUP), "messages",
				List.of(map("role", "user", "content", "/tool lookup {\"q\": 1}"),
						map("role", "assistant", "content", List.of(toolUse)),
						map("role", "user", "content", List.of(map("type", "tool_result", "tool_use_id",
								toolUse.get("id").asString(), "content", List.of(map("type", "text", "text", "forty-two"))))))));
		assertThat(answered.json().get("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(answered.json().get("content").get(0).get("text").asString())
			.isEqualTo("Echo: tool lookup returned forty-two");
	}

	@Test
	void streamsAToolUseBlock() {
		try (SseStream stream = stream(map("model", ECHO, "max_tokens", 100, "stream", true, "tools", List.of(LOOKUP),
				"messages", List.of(map("role", "user", "content", "/tool lookup {\"q\": 7}"))))) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name)
				.containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
						"content_block_stop", "message_delta", "message_stop");
			JsonNode block = events.get(2).json().get("content_block");
			assertThat(block.get("type").asString()).isEqualTo("tool_use");
			assertThat(block.get("name").asString()).isEqualTo("lookup");
			assertThat(block.get("input")).isEmpty();
			JsonNode delta = events.get(3).json().get("delta");
			assertThat(delta.get("type").asString()).isEqualTo("input_json_delta");
			assertThat(JSON.readTree(delta.get("partial_json").asString()).get("q").asInt()).isEqualTo(7);
			assertThat(events.get(5).json().get("delta").get("stop_reason").asString()).isEqualTo("tool_use");
		}
	}

	@Test
	void translatesToolsForAnOpenAiUpstreamBothWays() {
		openai.enqueue(OpenAiWire.jsonToolCalls(new ToolCall("call_9", "lookup", "{\"q\":3}")));
		JsonNode message = messages(map("model", "openai/gpt-4o-mini", "max_tokens", 50, "tools", List.of(LOOKUP),
				"messages", List.of(map("role", "user", "content", "look 3 up")))).json();

		JsonNode sent = JSON.readTree(openai.requests().getFirst().body());
		assertThat(sent.get("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(sent.get("max_tokens").asInt()).isEqualTo(50);
		JsonNode function = sent.get("tools").get(0).get("function");
		assertThat(function.get("name").asString()).isEqualTo("lookup");
		assertThat(function.get("parameters").get("properties").get("q").get("type").asString()).isEqualTo("integer");
		assertThat(message.get("stop_reason").asString()).isEqualTo("tool_use");
		JsonNode toolUse = message.get("content").get(0);
		assertThat(toolUse.get("id").asString()).isEqualTo("call_9");
		assertThat(toolUse.get("input").get("q").asInt()).isEqualTo(3);
		assertThat(message.get("usage").get("input_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS);

		openai.enqueue(OpenAiWire.json("It is three."));
		JsonNode answer = messages(map("model", "openai/gpt-4o-mini", "max_tokens", 50, "tools", List.of(LOOKUP),
				"messages", List.of(map("role", "user", "content", "look 3 up"),
						map("role", "assistant", "content", List.of(map("type", "text", "text", "Looking."), toolUse)),
						map("role", "user", "content", List.of(
								map("type", "tool_result", "tool_use_id", "call_9", "content", "three"),
								map("type", "text", "text", "and?")))))).json();
		assertThat(answer.get("content").get(0).get("text").asString()).isEqualTo("It is three.");
		JsonNode replayed = JSON.readTree(openai.requests().get(1).body()).get("messages");
		assertThat(replayed).extracting(m -> m.get("role").asString()).containsExactly("user", "assistant", "tool", "user");
		assertThat(replayed.get(1).get("tool_calls").get(0).get("id").asString()).isEqualTo("call_9");
		assertThat(replayed.get(2).get("tool_call_id").asString()).isEqualTo("call_9");
		assertThat(replayed.get(2).get("content").asString()).isEqualTo("three");
	}

	@Test
	void streamsFromAnOpenAiUpstream() {
		try (SseStream stream = stream(map("model", "openai/gpt-4o-mini", "max_tokens", 50, "stream", true,
				"messages", List.of(map("role", "user", "content", "hi"))))) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events.getLast().name()).isEqualTo("message_stop");
			String text = events.stream()
				.filter(event -> event.name().equals("content_block_delta"))
				.map(event -> event.json().get("delta").get("text").asString())
				.reduce("", String::concat);
			assertThat(text).isEqualTo("Hello there");
			JsonNode end = events.get(events.size() - 2).json();
			assertThat(end.get("usage").get("input_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS);
		}
	}

	@Test
	void honoursSamplingAndToolChoiceWhereTheProviderCan() {
		openai.enqueue(OpenAiWire.json("fine"));
		messages(map("model", "openai/gpt-4o-mini", "max_tokens", 20, "top_p", 0.5, "stop_sequences", List.of("END"),
				"tools", List.of(LOOKUP), "tool_choice", map("type", "tool", "name", "lookup", "disable_parallel_tool_use", true),
				"messages", List.of(map("role", "user", "content", "hi"))));
		JsonNode sent = JSON.readTree(openai.requests().getFirst().body());
		assertThat(sent.get("top_p").asDouble()).isEqualTo(0.5);
		assertThat(sent.get("stop").toString()).contains("END");
		assertThat(sent.get("tool_choice").get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(sent.get("parallel_tool_calls").asBoolean()).isFalse();

		JsonNode stopped = messages(map("model", ECHO, "max_tokens", 20, "stop_sequences", List.of("three"),
				"messages", List.of(map("role", "user", "content", "one two three four")))).json();
		assertThat(stopped.get("content").get(0).get("text").asString()).startsWith("Echo: one two").doesNotContain("three");

		JsonNode forced = error(messages(map("model", ECHO, "max_tokens", 20, "tools", List.of(LOOKUP), "tool_choice",
				map("type", "any"), "messages", List.of(map("role", "user", "content", "hi")))), 400);
		assertThat(forced.get("message").asString()).startsWith("tool_choice:");
	}

	@Test
	void sendsBase64ImagesToAProviderThatTakesThem() {
		openai.enqueue(OpenAiWire.json("A red dot."));
		String png = java.util.Base64.getEncoder().encodeToString(new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		JsonNode answer = messages(map("model", "openai/gpt-4o-mini", "max_tokens", 20, "messages", List.of(map("role",
				"user", "content", List.of(map("type", "text", "text", "What is this?"), map("type", "image", "source",
						map("type", "base64", "media_type", "image/png", "data", png))))))).json();
		assertThat(answer.get("content").get(0).get("text").asString()).isEqualTo("A red dot.");
		String sent = openai.requests().getFirst().body();
		assertThat(sent).contains("What is this?").contains("data:image/png;base64," + png);
	}

	@Test
	void answersErrorsInAnthropicsShape() {
		JsonNode noMaxTokens = error(messages(map("model", ECHO, "messages", List.of(map("role", "user", "content", "hi")))), 400);
		assertThat(noMaxTokens.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(noMaxTokens.get("message").asString()).startsWith("max_tokens:");

		JsonNode topK = error(messages(map("model", ECHO, "max_tokens", 5, "top_k", 3,
				"messages", List.of(map("role", "user", "content", "hi")))), 400);
		assertThat(topK.get("message").asString()).startsWith("top_k:");

		JsonNode image = error(messages(map("model", ECHO, "max_tokens", 5, "messages", List.of(map("role", "user",
				"content", List.of(map("type", "image", "source", map("type", "url", "url", "https://example.com/a.png"))))))), 400);
		assertThat(image.get("message").asString()).startsWith("messages.0.content.0:").contains("local");

		JsonNode unknown = error(messages(map("model", "nosuch/model", "max_tokens", 5,
				"messages", List.of(map("role", "user", "content", "hi")))), 404);
		assertThat(unknown.get("type").asString()).isEqualTo("not_found_error");

		JsonNode malformed = error(api.send(api.request("/v1/messages", null).header("x-api-key", key)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"model\":"))), 400);
		assertThat(malformed.get("type").asString()).isEqualTo("invalid_request_error");

		JsonNode unserved = error(api.send(api.request("/v1/messages/count_tokens", null).header("x-api-key", key)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))), 404);
		assertThat(unserved.get("type").asString()).isEqualTo("not_found_error");
	}

	@Test
	void refusesMissingAndWrongKeysAsAnthropicDoes() {
		Object body = map("model", ECHO, "max_tokens", 5, "messages", List.of(map("role", "user", "content", "hi")));
		JsonNode missing = error(api.post("/v1/messages", null, body), 401);
		assertThat(missing.get("type").asString()).isEqualTo("authentication_error");
		String wrong = "pk_" + "x".repeat(43);
		Response refused = api.send(api.request("/v1/messages", null).header("x-api-key", wrong)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		assertThat(error(refused, 401).get("type").asString()).isEqualTo("authentication_error");
		assertThat(refused.body()).doesNotContain(wrong);
		// A bearer key works too, and x-api-key counts on this path only.
		assertThat(api.post("/v1/messages", key, body).status()).isEqualTo(200);
		Response elsewhere = api.send(api.request("/v1/models", null).header("x-api-key", key).GET());
		assertThat(elsewhere.status()).isEqualTo(401);
	}

	@Test
	void answersAChunkedBodyOverTheLimitWith413AsAnthropicDoes() {
		byte[] body = new byte[1024 * 1024 + 100];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		Response response = api.send(api.request("/v1/messages", null)
			.header("x-api-key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(error(response, 413).get("type").asString()).isEqualTo("request_too_large");
	}

	private Response messages(Object body) {
		return api.send(api.request("/v1/messages", null)
			.header("x-api-key", key)
			.header("anthropic-version", "2023-06-01")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private SseStream stream(Object body) {
		return api.stream("POST", "/v1/messages", key, body, null);
	}

	private static JsonNode error(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).isEqualTo("error");
		assertThat(body.get("error").get("message").asString()).isNotBlank();
		return body.get("error");
	}
}
