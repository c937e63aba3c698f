package dev.parley.ai.provider;

import static dev.parley.ai.provider.OpenAiToolCallTests.CLOCK;
import static dev.parley.ai.provider.OpenAiToolCallTests.LOOKUP;
import static dev.parley.ai.provider.OpenAiToolCallTests.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.GeminiWire;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tools through the Gemini and Ollama adapters, against fakes of their APIs. Neither wire format
 * gives calls an id, and both take arguments as JSON objects, so malformed arguments cannot reach
 * these adapters; ids are made up, and answers are matched by the tool's name.
 */
class GeminiAndOllamaToolCallTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final FakeProvider geminiServer = FakeProvider.start(GeminiWire.answering("Done"));

	static final FakeProvider ollamaServer = FakeProvider.start(OllamaWire.answering("Done"));

	private final ChatProvider gemini = only(AiSettings.of("gemini.api-key", "g-key", "gemini.base-url", geminiServer.baseUrl()));

	private final ChatProvider ollama = only(AiSettings.of("ollama.base-url", ollamaServer.baseUrl()));

	@BeforeEach
	void reset() {
		geminiServer.reset();
		ollamaServer.reset();
	}

	@AfterAll
	static void stop() {
		geminiServer.close();
		ollamaServer.close();
	}

	@Test
	void geminiGetsTheToolDeclarations() {
		gemini.stream(call("gemini-2.5-flash", true, PromptMessage.user("Hi"))).blockLast();

		JsonNode declarations = body(geminiServer).get("tools").get(0).get("functionDeclarations");
		assertThat(declarations).hasSize(2);
		assertThat(declarations.get(0).get("name").asString()).isEqualTo("lookup");
		assertThat(declarations.get(0).get("description").asString()).isEqualTo("Looks a thing up");
		assertThat(declarations.get(0).toString()).contains("\"q\"").containsIgnoringCase("integer");
		assertThat(declarations.get(1).get("name").asString()).isEqualTo("clock");
	}

	@Test
	void geminiFunctionCallsArriveWithIdsOfTheirOwnStreamedOrWhole() {
		geminiServer.enqueue(GeminiWire.streamFunctionCalls(new ToolCall("", "lookup", "{\"q\":1}"),
				new ToolCall("", "clock", "{}")), GeminiWire.jsonFunctionCalls(new ToolCall("", "lookup", "{\"q\":2}")));

		List<ProviderChunk> streamed = gemini.stream(call("gemini-2.5-flash", true, PromptMessage.user("Both")))
			.collectList()
			.block();
		List<ProviderChunk> whole = gemini.stream(call("gemini-2.5-flash", false, PromptMessage.user("One")))
			.collectList()
			.block();

		assertThat(toolCalls(streamed)).extracting(ToolCall::name).containsExactly("lookup", "clock");
		assertThat(toolCalls(streamed)).extracting(ToolCall::arguments).containsExactly("{\"q\":1}", "{}");
		assertThat(toolCalls(streamed)).extracting(ToolCall::id).allMatch(id -> id.startsWith("call_")).doesNotHaveDuplicates();
		assertThat(streamed.getLast().finishReason()).isEqualTo("tool_calls");
		assertThat(toolCalls(whole)).singleElement().satisfies(call -> {
			assertThat(call.name()).isEqualTo("lookup");
			assertThat(call.arguments()).isEqualTo("{\"q\":2}");
		});
		assertThat(whole.getLast().finishReason()).isEqualTo("tool_calls");
		assertThat(geminiServer.requestCount()).isEqualTo(2);
	}

	@Test
	void geminiGetsTheCallsAndTheResultsBackByName() {
		List<ToolCall> calls = List.of(new ToolCall("call_a", "lookup", "{\"q\":1}"), new ToolCall("call_b", "clock", "{}"));

		gemini.stream(call("gemini-2.5-flash", true, PromptMessage.user("Both"), PromptMessage.assistant("Checking.", calls),
				PromptMessage.tool("call_a", "plain text one"), PromptMessage.tool("call_b", "{\"time\":\"noon\"}")))
			.blockLast();

		JsonNode contents = body(geminiServer).get("contents");
		assertThat(contents).hasSize(3);
		JsonNode model = contents.get(1);
		assertThat(model.get("role").asString()).isEqualTo("model");
		assertThat(model.get("parts").get(0).get("text").asString()).isEqualTo("Checking.");
		assertThat(model.get("parts").get(1).get("functionCall").get("name").asString()).isEqualTo("lookup");
		assertThat(model.get("parts").get(1).get("functionCall").get("args").get("q").asInt()).isEqualTo(1);
		assertThat(model.get("parts").get(2).get("functionCall").get("name").asString()).isEqualTo("clock");
		JsonNode results = contents.get(2).get("parts");
		assertThat(results).hasSize(2);
		assertThat(results.get(0).get("functionResponse").get("name").asString()).isEqualTo("lookup");
		assertThat(results.get(0).get("functionResponse").get("response").get("result").asString()).isEqualTo("plain text one");
		assertThat(results.get(1).get("functionResponse").get("name").asString()).isEqualTo("clock");
		assertThat(results.get(1).get("functionResponse").get("response").get("time").asString()).isEqualTo("noon");
	}

	@Test
	void ollamaGetsTheToolDefinitions() {
		ollama.stream(call("llama3.2", true, PromptMessage.user("Hi"))).blockLast();

		JsonNode tools = body(ollamaServer).get("tools");
		assertThat(tools).hasSize(2);
		assertThat(tools.get(0).get("type").asString()).isEqualTo("function");
		assertThat(tools.get(0).get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(tools.get(0).get("function").get("description").asString()).isEqualTo("Looks a thing up");
		assertThat(tools.get(0).get("function").get("parameters").get("properties").get("q").get("type").asString())
			.isEqualTo("integer");
	}

	@Test
	void ollamaToolCallsArriveWithIdsOfTheirOwnStreamedOrWhole() {
		ollamaServer.enqueue(OllamaWire.streamToolCalls(new ToolCall("", "lookup", "{\"q\":1}"), new ToolCall("", "clock", "{}")),
				OllamaWire.jsonToolCalls(new ToolCall("", "lookup", "{\"q\":2}")));

		List<ProviderChunk> streamed = ollama.stream(call("llama3.2", true, PromptMessage.user("Both"))).collectList().block();
		List<ProviderChunk> whole = ollama.stream(call("llama3.2", false, PromptMessage.user("One"))).collectList().block();

		assertThat(toolCalls(streamed)).extracting(ToolCall::name).containsExactly("lookup", "clock");
		assertThat(json.readTree(toolCalls(streamed).getFirst().arguments()).get("q").asInt()).isEqualTo(1);
		assertThat(toolCalls(streamed)).extracting(ToolCall::id).allMatch(id -> id.startsWith("call_")).doesNotHaveDuplicates();
		assertThat(streamed).extracting(ProviderChunk::finishReason).contains("tool_calls");
		assertThat(toolCalls(whole)).singleElement().satisfies(call -> assertThat(call.name()).isEqualTo("lookup"));
		assertThat(whole.getLast().finishReason()).isEqualTo("tool_calls");
		assertThat(ollamaServer.requestCount()).isEqualTo(2);
	}

	@Test
	void ollamaGetsTheCallsAndTheResultsBack() {
		List<ToolCall> calls = List.of(new ToolCall("call_a", "lookup", "{\"q\":1}"));

		ollama.stream(call("llama3.2", true, PromptMessage.user("One"), PromptMessage.assistant("", calls),
				PromptMessage.tool("call_a", "one")))
			.blockLast();

		JsonNode messages = body(ollamaServer).get("messages");
		assertThat(messages).hasSize(3);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		assertThat(assistant.get("tool_calls").get(0).get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(assistant.get("tool_calls").get(0).get("function").get("arguments").get("q").asInt()).isEqualTo(1);
		assertThat(messages.get(2).get("role").asString()).isEqualTo("tool");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("one");
		// Spring AI 2.0.1 leaves Ollama's optional tool_name out; Ollama then matches results by order.
	}

	@Test
	void callsWhoseArgumentsAreNotJsonGoBackAsAnEmptyObject() {
		List<ToolCall> calls = List.of(new ToolCall("call_a", "lookup", "{\"q\": 1,"));

		ollama.stream(call("llama3.2", true, PromptMessage.user("One"), PromptMessage.assistant("", calls),
				PromptMessage.tool("call_a", "Arguments are not valid JSON.")))
			.blockLast();
		gemini.stream(call("gemini-2.5-flash", true, PromptMessage.user("One"), PromptMessage.assistant("", calls),
				PromptMessage.tool("call_a", "Arguments are not valid JSON.")))
			.blockLast();

		assertThat(body(ollamaServer).get("messages").get(1).get("tool_calls").get(0).get("function").get("arguments").toString())
			.isEqualTo("{}");
		assertThat(body(geminiServer).get("contents").get(1).get("parts").get(0).get("functionCall").get("name").asString())
			.isEqualTo("lookup");
	}

	private static JsonNode body(FakeProvider server) {
		return json.readTree(server.requests().getLast().body());
	}

	private static ChatProvider only(AiSettings settings) {
		return ConfiguredProviders.create(settings.bind(), OutboundAddressGuard.standard()).getFirst();
	}

	private static ProviderCall call(String model, boolean streamed, PromptMessage... messages) {
		return new ProviderCall(model, List.of(messages), null, 40, null, streamed, List.of(LOOKUP, CLOCK));
	}
}
