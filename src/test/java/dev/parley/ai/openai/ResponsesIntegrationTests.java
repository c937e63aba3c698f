package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/responses} over real HTTP, bridged onto {@code local/echo} and a fake Anthropic. */
@IntegrationTest
class ResponsesIntegrationTests {

	static final FakeProvider anthropic = FakeProvider.start(AnthropicWire.answering("Bonjour", " à vous"));

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ECHO = "local/echo";

	static final Map<String, Object> LOOKUP = map("type", "function", "name", "lookup", "description", "Looks up",
			"parameters", map("type", "object", "properties", map("q", map("type", "integer"))), "strict", false);

	@Autowired
	ApiClient api;

	String key;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.anthropic.api-key", () -> "sk-ant-responses");
		registry.add("parley.ai.anthropic.base-url", () -> anthropic.baseUrl());
	}

	@BeforeEach
	void setUp() {
		anthropic.reset();
		key = OpenAiClient.newApiKey(api);
	}

	@AfterAll
	static void stop() {
		anthropic.close();
	}

	@Test
	void answersWithAResponseObject() {
		Response answered = api.post("/v1/responses", key, map("model", ECHO, "instructions", "Be brief.",
				"input", List.of(map("role", "user", "content", List.of(map("type", "input_text", "text", "hello world")))),
				"max_output_tokens", 50, "metadata", map("ticket", "7")));

		assertThat(answered.status()).isEqualTo(200);
		JsonNode response = answered.json();
		assertThat(response.get("id").asString()).startsWith("resp_");
		assertThat(response.get("object").asString()).isEqualTo("response");
		assertThat(response.get("status").asString()).isEqualTo("completed");
		assertThat(response.get("model").asString()).isEqualTo(ECHO);
		assertThat(response.get("instructions").asString()).isEqualTo("Be brief.");
		assertThat(response.get("metadata").get("ticket").asString()).isEqualTo("7");
		assertThat(response.get("output")).hasSize(1);
		JsonNode message = response.get("output").get(0);
		assertThat(message.get("type").asString()).isEqualTo("message");
		assertThat(message.get("role").asString()).isEqualTo("assistant");
		assertThat(message.get("status").asString()).isEqualTo("completed");
		JsonNode text = message.get("content").get(0);
		assertThat(text.get("type").asString()).isEqualTo("output_text");
		assertThat(text.get("text").asString()).isEqualTo("Echo: hello world");
		assertThat(text.get("annotations")).isEmpty();
		JsonNode usage = response.get("usage");
		assertThat(usage.get("input_tokens").asInt()).isEqualTo(4);
		assertThat(usage.get("output_tokens").asInt()).isEqualTo(3);
		assertThat(usage.get("total_tokens").asInt()).isEqualTo(7);
	}

	@Test
	void streamsTheResponsesEvents() {
		try (SseStream stream = api.stream("POST", "/v1/responses", key,
				map("model", ECHO, "input", "one two", "stream", true), null)) {
			assertThat(stream.status()).isEqualTo(200);
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name)
				.containsExactly("response.created", "response.in_progress", "response.output_item.added",
						"response.content_part.added", "response.output_text.delta", "response.output_text.delta",
						"response.output_text.delta", "response.output_text.done", "response.content_part.done",
						"response.output_item.done", "response.completed");
			for (int i = 0; i < events.size(); i++) {
				assertThat(events.get(i).json().get("type").asString()).isEqualTo(events.get(i).name());
				assertThat(events.get(i).json().get("sequence_number").asInt()).isEqualTo(i);
			}
			assertThat(events.getFirst().json().get("response").get("status").asString()).isEqualTo("in_progress");
			String itemId = events.get(2).json().get("item").get("id").asString();
			StringBuilder text = new StringBuilder();
			for (SseStream.Event delta : events.subList(4, 7)) {
				assertThat(delta.json().get("item_id").asString()).isEqualTo(itemId);
				assertThat(delta.json().get("output_index").asInt()).isZero();
				assertThat(delta.json().get("content_index").asInt()).isZero();
				text.append(delta.json().get("delta").asString());
			}
			assertThat(text).hasToString("Echo: one two");
			assertThat(events.get(7).json().get("text").asString()).isEqualTo("Echo: one two");
			JsonNode completed = events.getLast().json().get("response");
			assertThat(completed.get("status").asString()).isEqualTo("completed");
			assertThat(completed.get("output").get(0).get("id").asString()).isEqualTo(itemId);
			assertThat(completed.get("output").get(0).get("content").get(0).get("text").asString()).isEqualTo("Echo: one two");
			assertThat(completed.get("usage").get("output_tokens").asInt()).isEqualTo(3);
		}
	}

	@Test
	void roundTripsAFunctionCall() {
		JsonNode called = api.post("/v1/responses", key,
				map("model", ECHO, "tools", List.of(LOOKUP), "input", "/tool lookup {\"q\": 5}")).json();
		JsonNode call = called.get("output").get(0);
		assertThat(call.get("type").asString()).isEqualTo("function_call");
		assertThat(call.get("id").asString()).startsWith("fc_");
		assertThat(call.get("name").asString()).isEqualTo("lookup");
		assertThat(JSON.readTree(call.get("arguments").asString()).get("q").asInt()).isEqualTo(5);
		assertThat(call.get("status").asString()).isEqualTo("completed");

		List<Object> input = new ArrayList<>(List.of(map("role", "user", "content", "/tool lookup {\"q\": 5}")));
		input.add(JSON.convertValue(call, Map.class));
		input.add(map("type", "function_call_output", "call_id", call.get("call_id").asString(), "output", "five"));
		JsonNode answered = api.post("/v1/responses", key, map("model", ECHO, "tools", List.of(LOOKUP), "input", input)).json();
		assertThat(answered.get("output").get(0).get("content").get(0).get("text").asString())
			.isEqualTo("Echo: tool lookup returned five");
	}

	@Test
	void streamsAFunctionCall() {
		try (SseStream stream = api.stream("POST", "/v1/responses", key,
				map("model", ECHO, "tools", List.of(LOOKUP), "input", "/tool lookup {\"q\": 2}", "stream", true), null)) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name)
				.containsExactly("response.created", "response.in_progress", "response.output_item.added",
						"response.function_call_arguments.delta", "response.function_call_arguments.done",
						"response.output_item.done", "response.completed");
			JsonNode added = events.get(2).json().get("item");
			assertThat(added.get("type").asString()).isEqualTo("function_call");
			assertThat(added.get("status").asString()).isEqualTo("in_progress");
			JsonNode done = events.get(4).json();
			assertThat(done.get("item_id").asString()).isEqualTo(added.get("id").asString());
			assertThat(JSON.readTree(done.get("arguments").asString()).get("q").asInt()).isEqualTo(2);
			JsonNode output = events.getLast().json().get("response").get("output");
			assertThat(output).hasSize(1);
			assertThat(output.get(0).get("call_id").asString()).isEqualTo(added.get("call_id").asString());
		}
	}

	@Test
	void bridgesToAnthropicWithToolsAndStructuredOutput() {
		anthropic.enqueue(AnthropicWire.jsonToolUses("", new ToolCall("toolu_7", "lookup", "{\"q\":1}")));
		JsonNode called = api.post("/v1/responses", key, map("model", "anthropic/claude-haiku-4-5", "input", "find 1",
				"instructions", "Use tools.", "tools", List.of(LOOKUP), "max_output_tokens", 64, "top_p", 0.9,
				"tool_choice", map("type", "function", "name", "lookup"), "parallel_tool_calls", false)).json();
		JsonNode sent = JSON.readTree(anthropic.requests().getFirst().body());
		assertThat(sent.get("model").asString()).isEqualTo("claude-haiku-4-5");
		assertThat(sent.get("max_tokens").asInt()).isEqualTo(64);
		assertThat(sent.get("system").toString()).contains("Use tools.");
		assertThat(sent.get("tools").get(0).get("name").asString()).isEqualTo("lookup");
		assertThat(sent.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(sent.get("tool_choice").get("type").asString()).isEqualTo("tool");
		assertThat(sent.get("tool_choice").get("name").asString()).isEqualTo("lookup");
		assertThat(sent.get("tool_choice").get("disable_parallel_tool_use").asBoolean()).isTrue();
		JsonNode call = called.get("output").get(0);
		assertThat(call.get("call_id").asString()).isEqualTo("toolu_7");
		assertThat(called.get("usage").get("input_tokens").asInt()).isEqualTo(AnthropicWire.INPUT_TOKENS);

		Map<String, Object> schema = map("type", "object", "properties", map("city", map("type", "string")),
				"required", List.of("city"), "additionalProperties", false);
		try (SseStream stream = api.stream("POST", "/v1/responses", key, map("model", "anthropic/claude-haiku-4-5",
				"input", List.of(map("role", "user", "content", "where?"), JSON.convertValue(call, Map.class),
						map("type", "function_call_output", "call_id", "toolu_7", "output", "Paris")),
				"text", map("format", map("type", "json_schema", "name", "place", "schema", schema, "strict", true)),
				"stream", true), null)) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events.getLast().name()).isEqualTo("response.completed");
			assertThat(events.getLast().json().get("response").get("output").get(0).get("content").get(0).get("text")
				.asString()).isEqualTo("Bonjour à vous");
		}
		JsonNode replayed = JSON.readTree(anthropic.requests().get(1).body());
		assertThat(replayed.toString()).contains("\"tool_use_id\":\"toolu_7\"").contains("Paris");
		assertThat(replayed.get("output_config").toString()).contains("city");
	}

	@Test
	void refusesWhatItCannotHonourNamingTheField() {
		for (Map.Entry<String, Object> field : Map.<String, Object>of("previous_response_id", "resp_1", "store", true,
				"reasoning", map("effort", "low"), "truncation", "auto", "tool_choice", "required").entrySet()) {
			Map<String, Object> body = map("model", ECHO, "input", "hi");
			body.put(field.getKey(), field.getValue());
			JsonNode error = OpenAiClient.error(api.post("/v1/responses", key, body), 400);
			assertThat(error.get("param").asString()).isEqualTo(field.getKey());
			assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		}
		JsonNode image = OpenAiClient.error(api.post("/v1/responses", key, map("model", ECHO, "input", List.of(map("role",
				"user", "content", List.of(map("type", "input_image", "image_url", "https://example.com/a.png")))))), 400);
		assertThat(image.get("param").asString()).isEqualTo("input[0].content[0].type");
		JsonNode unknown = OpenAiClient.error(api.post("/v1/responses", key, map("model", "nosuch/x", "input", "hi")), 404);
		assertThat(unknown.get("code").asString()).isEqualTo("model_not_found");
		OpenAiClient.error(api.post("/v1/responses", null, map("model", ECHO, "input", "hi")), 401);
	}
}
