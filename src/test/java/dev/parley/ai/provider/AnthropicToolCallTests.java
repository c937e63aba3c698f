package dev.parley.ai.provider;

import static dev.parley.ai.provider.OpenAiToolCallTests.CLOCK;
import static dev.parley.ai.provider.OpenAiToolCallTests.LOOKUP;
import static dev.parley.ai.provider.OpenAiToolCallTests.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tools through the Anthropic adapter, both ways, against a fake messages API. */
class AnthropicToolCallTests {

	static final FakeProvider fake = FakeProvider.start(AnthropicWire.answering("Done"));

	private final ChatProvider anthropic = ConfiguredProviders
		.create(AiSettings.of("anthropic.api-key", "sk-ant", "anthropic.base-url", fake.baseUrl()).bind(),
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
		anthropic.stream(call(true, PromptMessage.user("Hi"))).blockLast();

		JsonNode tools = body().get("tools");
		assertThat(tools).hasSize(2);
		assertThat(tools.get(0).get("name").asString()).isEqualTo("lookup");
		assertThat(tools.get(0).get("description").asString()).isEqualTo("Looks a thing up");
		JsonNode schema = tools.get(0).get("input_schema");
		assertThat(schema.get("type").asString()).isEqualTo("object");
		assertThat(schema.get("properties").get("q").get("type").asString()).isEqualTo("integer");
		assertThat(schema.get("required").get(0).asString()).isEqualTo("q");
		assertThat(tools.get(1).get("name").asString()).isEqualTo("clock");
	}

	@Test
	void aStreamedToolUseArrivesWholeAfterTheTextAndSpringAiDoesNotRunIt() {
		fake.enqueue(AnthropicWire.streamToolUses("Checking. ", new ToolCall("toolu_1", "lookup", "{\"q\": 1}")));

		List<ProviderChunk> chunks = anthropic.stream(call(true, PromptMessage.user("Look up 1"))).collectList().block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Checking. ");
		assertThat(toolCalls(chunks)).hasSize(1);
		ToolCall call = toolCalls(chunks).getFirst();
		assertThat(call.id()).isEqualTo("toolu_1");
		assertThat(call.name()).isEqualTo("lookup");
		assertThat(JsonMapper.builder().build().readTree(call.arguments()).get("q").asInt()).isEqualTo(1);
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
		assertThat(fake.requestCount()).isEqualTo(1);
	}

	@Test
	void aWholeMessageCarriesItsToolUses() {
		fake.enqueue(AnthropicWire.jsonToolUses("", new ToolCall("toolu_1", "lookup", "{\"q\":1}")));

		List<ProviderChunk> chunks = anthropic.stream(call(false, PromptMessage.user("Look up 1"))).collectList().block();

		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("toolu_1", "lookup", "{\"q\":1}"));
		assertThat(chunks.getLast().finishReason()).isEqualTo("tool_calls");
	}

	@Test
	void parallelToolUsesInOneTurnArriveInTheModelsOrder() {
		fake.enqueue(AnthropicWire.streamToolUses("", new ToolCall("toolu_1", "lookup", "{\"q\":1}"),
				new ToolCall("toolu_2", "clock", "{}")));

		List<ToolCall> calls = toolCalls(anthropic.stream(call(true, PromptMessage.user("Both"))).collectList().block());

		assertThat(calls).extracting(ToolCall::id).containsExactly("toolu_1", "toolu_2");
		assertThat(calls).extracting(ToolCall::name).containsExactly("lookup", "clock");
	}

	@Test
	void malformedInputIsDeliveredAsTheModelWroteIt() {
		fake.enqueue(AnthropicWire.streamToolUses("", new ToolCall("toolu_1", "lookup", "{\"q\": 1,")));

		List<ProviderChunk> chunks = anthropic.stream(call(true, PromptMessage.user("Broken"))).collectList().block();

		assertThat(toolCalls(chunks)).hasSize(1);
		assertThat(toolCalls(chunks).getFirst().id()).isEqualTo("toolu_1");
		assertThat(toolCalls(chunks).getFirst().name()).isEqualTo("lookup");
		assertThat(toolCalls(chunks).getFirst().arguments()).isEqualTo("{\"q\": 1,");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
	}

	@Test
	void aToolUseWithoutIdGetsOneOfItsOwn() {
		fake.enqueue(AnthropicWire.jsonToolUses("", new ToolCall("", "lookup", "{\"q\":1}")));

		List<ToolCall> calls = toolCalls(anthropic.stream(call(false, PromptMessage.user("No id"))).collectList().block());

		assertThat(calls).singleElement().satisfies(call -> assertThat(call.id()).startsWith("call_").hasSizeGreaterThan(10));
	}

	@Test
	void theAssistantsTextAndToolUsesAndTheToolResultsGoBackOnTheNextCall() {
		List<ToolCall> calls = List.of(new ToolCall("toolu_1", "lookup", "{\"q\":1}"), new ToolCall("toolu_2", "clock", "{}"));

		anthropic.stream(call(true, PromptMessage.user("Both"), PromptMessage.assistant("Checking. ", calls),
				PromptMessage.tool("toolu_1", "one"), PromptMessage.tool("toolu_2", "noon")))
			.blockLast();

		JsonNode messages = body().get("messages");
		assertThat(messages).hasSize(3);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		JsonNode blocks = assistant.get("content");
		assertThat(blocks).hasSize(3);
		assertThat(blocks.get(0).get("type").asString()).isEqualTo("text");
		assertThat(blocks.get(0).get("text").asString()).isEqualTo("Checking. ");
		assertThat(blocks.get(1).get("type").asString()).isEqualTo("tool_use");
		assertThat(blocks.get(1).get("id").asString()).isEqualTo("toolu_1");
		assertThat(blocks.get(1).get("name").asString()).isEqualTo("lookup");
		assertThat(blocks.get(1).get("input").get("q").asInt()).isEqualTo(1);
		assertThat(blocks.get(2).get("id").asString()).isEqualTo("toolu_2");
		JsonNode results = messages.get(2);
		assertThat(results.get("role").asString()).isEqualTo("user");
		assertThat(results.get("content")).hasSize(2);
		assertThat(results.get("content").get(0).get("type").asString()).isEqualTo("tool_result");
		assertThat(results.get("content").get(0).get("tool_use_id").asString()).isEqualTo("toolu_1");
		assertThat(results.get("content").get(0).get("content").toString()).contains("one");
		assertThat(results.get("content").get(1).get("tool_use_id").asString()).isEqualTo("toolu_2");
		assertThat(results.get("content").get(1).get("content").toString()).contains("noon");
	}

	private JsonNode body() {
		return JsonMapper.builder().build().readTree(fake.requests().getFirst().body());
	}

	private static ProviderCall call(boolean streamed, PromptMessage... messages) {
		return new ProviderCall("claude-haiku-4-5", List.of(messages), null, 64, null, streamed, List.of(LOOKUP, CLOCK));
	}
}
