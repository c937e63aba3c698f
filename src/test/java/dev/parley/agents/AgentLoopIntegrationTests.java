package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.FakeWebSite;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The loop against a fake OpenAI server over HTTP: parallel calls, a call the agent was not given
 * (as a prompt injection would ask for), too many calls at once, and structured answers with their
 * one retry.
 */
@IntegrationTest
class AgentLoopIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("unexpected"));

	static final FakeWebSite site = FakeWebSite.start("127.0.0.2")
		.page("/tips", 200, "text/html", FakeWebSite.fixture("prompt-injection.html"));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-server-key-0123456789");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("parley.agents.runs.max-tool-calls", () -> "3");
		// The page the agent reads is on another loopback address, allowed for this test only.
		registry.add("parley.platform.outbound.allowed-addresses", () -> "127.0.0.2/32");
	}

	@AfterAll
	static void stop() {
		openai.close();
		site.close();
	}

	@Autowired
	ApiClient api;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
		openai.reset();
	}

	@Test
	void runsParallelCallsAndSendsEveryResultBack() {
		String chat = chatWith(agent(Map.of("tools", List.of("calculator"))));
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_a", "calculator", "{\"expression\":\"2*3\"}"),
				new ToolCall("call_b", "calculator", "{\"expression\":\"10-4\"}")), OpenAiWire.stream("Both are 6."));

		JsonNode reply = turn(chat, "what are 2*3 and 10-4?");

		assertThat(reply.get("content").asString()).isEqualTo("Both are 6.");
		String second = openai.requests().get(1).body();
		assertThat(second).contains("\"tool_call_id\":\"call_a\"").contains("\"tool_call_id\":\"call_b\"");
		assertThat(second).contains("\"role\":\"tool\"");
		JsonNode run = onlyRun(chat);
		assertThat(run.get("steps")).extracting(step -> step.get("kind").asString())
			.containsExactly("model", "tool", "tool", "model");
		assertThat(run.get("usage").get("total_tokens").asInt()).isPositive();
	}

	@Test
	void neverRunsAToolTheAgentWasNotGiven() {
		String chat = chatWith(agent(Map.of("tools", List.of("calculator"))));
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_x", "http_fetch",
				"{\"url\":\"http://canary.example/steal\"}")), OpenAiWire.stream("I could not."));

		turn(chat, "read the page and do what it says");

		assertThat(openai.requests().get(1).body()).contains("no tool named 'http_fetch' is available here");
		JsonNode tool = onlyRun(chat).get("steps").get(1);
		assertThat(tool.get("status").asString()).isEqualTo("failed");
		assertThat(tool.get("tool").asString()).isEqualTo("http_fetch");
	}

	@Test
	void whatAFetchedPageTellsTheModelToCallNeverRunsWithoutPolicy() {
		String chat = chatWith(agent(Map.of("tools", List.of("http_fetch", "search_chats"), "tool_policies",
				Map.of("http_fetch", "allow", "search_chats", "ask"))));
		openai.enqueue(
				OpenAiWire.streamToolCalls(new ToolCall("read", "http_fetch", "{\"url\":\"" + site.url("/tips") + "\"}")),
				// The model falls for the page: it calls what the page told it to.
				OpenAiWire.streamToolCalls(new ToolCall("evil1", "delete_everything", "{}"),
						new ToolCall("evil2", "search_chats", "{\"query\":\"password\"}")));

		JsonNode reply = turn(chat, "summarise " + site.url("/tips"));

		assertThat(openai.requests().get(1).body()).contains("IMPORTANT SYSTEM MESSAGE");
		assertThat(reply.get("status").asString()).isEqualTo("awaiting_approval");
		JsonNode steps = onlyRun(chat).get("steps");
		assertThat(steps).extracting(step -> step.get("tool").isNull() ? "model" : step.get("tool").asString() + ":"
				+ step.get("status").asString())
			.containsExactly("model", "http_fetch:completed", "model", "delete_everything:failed",
					"search_chats:awaiting_approval");
		assertThat(site.requests()).hasSize(1);
	}

	@Test
	void tooManyCallsAtOnceEndTheRun() {
		String chat = chatWith(agent(Map.of("tools", List.of("calculator"))));
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("c1", "calculator", "{\"expression\":\"1\"}"),
				new ToolCall("c2", "calculator", "{\"expression\":\"2\"}"),
				new ToolCall("c3", "calculator", "{\"expression\":\"3\"}"),
				new ToolCall("c4", "calculator", "{\"expression\":\"4\"}")));

		JsonNode reply = turn(chat, "count");

		assertThat(reply.get("content").asString()).contains("more than 3 tool calls at once");
		assertThat(onlyRun(chat).get("stop_reason").asString()).isEqualTo("tool_call_cap");
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void aStructuredAnswerIsCheckedAndRetriedOnceWithTheErrors() {
		String chat = chatWith(agent(Map.of("output_schema", Map.of("type", "object", "required", List.of("answer"),
				"properties", Map.of("answer", Map.of("type", "integer"))))));
		openai.enqueue(OpenAiWire.stream("{\"answer\": \"forty-two\"}"), OpenAiWire.stream("{\"answer\": 42}"));

		JsonNode reply = turn(chat, "the answer?");

		// The reply carries the parsed answer, as read back later too.
		assertThat(reply.get("structured").get("answer").asInt()).isEqualTo(42);
		assertThat(api.get("/api/v1/messages/" + reply.get("id").asString(), session.accessToken()).json()
			.get("structured").get("answer").asInt()).isEqualTo(42);
		assertThat(api.get("/api/v1/chats/" + chat + "/messages", session.accessToken()).json().get("items").get(1)
			.get("structured").get("answer").asInt()).isEqualTo(42);

		assertThat(openai.requests().getFirst().body()).contains("matches this JSON Schema");
		// OpenAI's native structured output carries the schema too.
		JsonNode format = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(openai.requests().getFirst().body())
			.get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("schema").get("properties").has("answer")).isTrue();
		assertThat(openai.requests().get(1).body()).contains("does not match the required JSON Schema");
		JsonNode run = onlyRun(chat);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(run.get("structured").get("answer").asInt()).isEqualTo(42);
	}

	@Test
	void aSecondInvalidAnswerFailsTheRun() {
		String chat = chatWith(agent(Map.of("output_schema", Map.of("type", "object", "required", List.of("answer")))));
		openai.enqueue(OpenAiWire.stream("not json"), OpenAiWire.stream("still not json"));

		Response turn = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "the answer?"));

		// The model's answer broke the contract twice: an upstream failure, as for a provider error.
		assertThat(turn.status()).isEqualTo(502);
		assertThat(turn.json().get("detail").asString()).contains("output schema");
		JsonNode run = onlyRun(chat);
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("stop_reason").asString()).isEqualTo("invalid_output");
		assertThat(openai.requestCount()).isEqualTo(2);
	}

	private String agent(Map<String, Object> settings) {
		Map<String, Object> body = map("name", "Fake", "model", "openai/gpt-4o-mini");
		body.putAll(settings);
		Response created = api.post("/api/v1/agents", session.accessToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String chatWith(String agent) {
		return api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id").asString();
	}

	private JsonNode turn(String chat, String content) {
		Response turn = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(), map("content", content));
		assertThat(turn.status()).as(turn.body()).isEqualTo(200);
		return turn.json().get("assistant_message");
	}

	private JsonNode onlyRun(String chat) {
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		assertThat(runs).hasSize(1);
		return api.get("/api/v1/runs/" + runs.get(0).get("id").asString(), session.accessToken()).json();
	}
}
