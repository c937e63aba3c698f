package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tools through the OpenAI adapter, both ways, against a fake chat-completions server. */
class OpenAiToolCallTests {

	static final ToolDefinition LOOKUP = new ToolDefinition("lookup", "Looks a thing up",
			"{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"integer\"}},\"required\":[\"q\"]}");

	static final ToolDefinition CLOCK = new ToolDefinition("clock", "Tells the time",
			"{\"type\":\"object\",\"properties\":{}}");

	static final JsonMapper json = JsonMapper.builder().build();

	static final FakeProvider fake = FakeProvider.start(OpenAiWire.answering("Done"));

	private final ChatProvider openai = ConfiguredProviders
		.create(AiSettings.of("openai.api-key", "sk-test", "openai.base-url", fake.baseUrl() + "/v1").bind(),
				OutboundAddressGuard.standard())
		.getFirst();

	@BeforeEach
	void reset() {
		fake.reset();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void toolDefinitionsReachTheWireWithNameDescriptionAndSchema() {
		openai.stream(call(true, PromptMessage.user("Hi"))).blockLast();

		JsonNode tools = body(0).get("tools");
		assertThat(tools).hasSize(2);
		JsonNode lookup = tools.get(0);
		assertThat(lookup.get("type").asString()).isEqualTo("function");
		assertThat(lookup.get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(lookup.get("function").get("description").asString()).isEqualTo("Looks a thing up");
		JsonNode parameters = lookup.get("function").get("parameters");
		assertThat(parameters.get("type").asString()).isEqualTo("object");
		assertThat(parameters.get("properties").get("q").get("type").asString()).isEqualTo("integer");
		assertThat(parameters.get("required").get(0).asString()).isEqualTo("q");
		assertThat(parameters.has("strict")).as("2.0.0 put strict inside the parameters").isFalse();
		assertThat(tools.get(1).get("function").get("name").asString()).isEqualTo("clock");
	}

	@Test
	void aStreamedToolCallArrivesWholeAndNothingRunsIt() {
		fake.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_1", "lookup", "{\"q\": 1}")));

		List<ProviderChunk> chunks = openai.stream(call(true, PromptMessage.user("Look up 1"))).collectList().block();

		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("call_1", "lookup", "{\"q\": 1}"));
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 1));
		// Had anything run the tool, its result would have gone back in a second request.
		assertThat(fake.requestCount()).isEqualTo(1);
	}

	@Test
	void aWholeAnswerCarriesItsToolCalls() {
		fake.enqueue(OpenAiWire.jsonToolCalls(new ToolCall("call_1", "lookup", "{\"q\":1}")));

		List<ProviderChunk> chunks = openai.stream(call(false, PromptMessage.user("Look up 1"))).collectList().block();

		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("call_1", "lookup", "{\"q\":1}"));
		assertThat(chunks.getLast().finishReason()).isEqualTo("tool_calls");
		assertThat(chunks).extracting(ProviderChunk::text).as("content: null is no text").containsOnly("");
		assertThat(fake.requestCount()).isEqualTo(1);
	}

	@Test
	void parallelCallsInOneTurnArriveInTheModelsOrder() {
		fake.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_1", "lookup", "{\"q\":1}"),
				new ToolCall("call_2", "clock", "{}")));

		List<ProviderChunk> chunks = openai.stream(call(true, PromptMessage.user("Both"))).collectList().block();

		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("call_1", "lookup", "{\"q\":1}"),
				new ToolCall("call_2", "clock", "{}"));
	}

	@Test
	void malformedArgumentsAreDeliveredAsTheModelWroteThem() {
		fake.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_1", "lookup", "{\"q\": 1,")));

		List<ProviderChunk> chunks = openai.stream(call(true, PromptMessage.user("Broken"))).collectList().block();

		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("call_1", "lookup", "{\"q\": 1,"));
	}

	@Test
	void callsWithoutIdGetOnesOfTheirOwnStreamedOrWhole() {
		fake.enqueue(OpenAiWire.streamToolCalls(new ToolCall("", "lookup", "{\"q\":1}"), new ToolCall("", "clock", "{}")),
				OpenAiWire.jsonToolCalls(new ToolCall("", "lookup", "{\"q\":2}")));

		List<ToolCall> streamed = toolCalls(openai.stream(call(true, PromptMessage.user("No id"))).collectList().block());
		List<ToolCall> whole = toolCalls(openai.stream(call(false, PromptMessage.user("No id"))).collectList().block());

		assertThat(streamed).extracting(ToolCall::name).containsExactly("lookup", "clock");
		assertThat(streamed).extracting(ToolCall::arguments).containsExactly("{\"q\":1}", "{}");
		assertThat(streamed).extracting(ToolCall::id).allMatch(id -> id.startsWith("call_") && id.length() > 10)
			.doesNotHaveDuplicates();
		assertThat(whole).singleElement().satisfies(call -> {
			assertThat(call.id()).startsWith("call_").hasSizeGreaterThan(10);
			assertThat(call.arguments()).isEqualTo("{\"q\":2}");
		});
	}

	@Test
	void answersWithoutToolCallsPassUntouched() {
		List<ProviderChunk> streamed = openai.stream(call(true, PromptMessage.user("Hi"))).collectList().block();
		List<ProviderChunk> whole = openai.stream(call(false, PromptMessage.user("Hi"))).collectList().block();

		assertThat(String.join("", streamed.stream().map(ProviderChunk::text).toList())).isEqualTo("Done");
		assertThat(whole).extracting(ProviderChunk::text).containsExactly("Done");
	}

	@Test
	void theAssistantsCallsAndTheToolResultsGoBackOnTheNextCall() {
		List<ToolCall> calls = List.of(new ToolCall("call_1", "lookup", "{\"q\":1}"), new ToolCall("call_2", "clock", "{}"));

		List<ProviderChunk> chunks = openai.stream(call(true, PromptMessage.user("Both"),
				PromptMessage.assistant("Let me check.", calls), PromptMessage.tool("call_1", "one"),
				PromptMessage.tool("call_2", "{\"time\":\"noon\"}")))
			.collectList()
			.block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Done");
		JsonNode messages = body(0).get("messages");
		assertThat(messages).hasSize(4);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		assertThat(assistant.get("content").asString()).isEqualTo("Let me check.");
		assertThat(assistant.get("tool_calls")).hasSize(2);
		assertThat(assistant.get("tool_calls").get(0).get("id").asString()).isEqualTo("call_1");
		assertThat(assistant.get("tool_calls").get(0).get("type").asString()).isEqualTo("function");
		assertThat(assistant.get("tool_calls").get(0).get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(assistant.get("tool_calls").get(0).get("function").get("arguments").asString()).isEqualTo("{\"q\":1}");
		assertThat(assistant.get("tool_calls").get(1).get("id").asString()).isEqualTo("call_2");
		assertThat(messages.get(2).get("role").asString()).isEqualTo("tool");
		assertThat(messages.get(2).get("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(messages.get(2).get("content").asString()).isEqualTo("one");
		assertThat(messages.get(3).get("role").asString()).isEqualTo("tool");
		assertThat(messages.get(3).get("tool_call_id").asString()).isEqualTo("call_2");
		assertThat(messages.get(3).get("content").asString()).isEqualTo("{\"time\":\"noon\"}");
	}

	private JsonNode body(int request) {
		return json.readTree(fake.requests().get(request).body());
	}

	static List<ToolCall> toolCalls(List<ProviderChunk> chunks) {
		return chunks.stream().flatMap(chunk -> chunk.toolCalls().stream()).toList();
	}

	private static ProviderCall call(boolean streamed, PromptMessage... messages) {
		return new ProviderCall("gpt-4o-mini", List.of(messages), null, 50, null, streamed, List.of(LOOKUP, CLOCK));
	}
}
