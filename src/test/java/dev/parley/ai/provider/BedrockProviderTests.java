package dev.parley.ai.provider;

import static dev.parley.ai.provider.OpenAiToolCallTests.CLOCK;
import static dev.parley.ai.provider.OpenAiToolCallTests.LOOKUP;
import static dev.parley.ai.provider.OpenAiToolCallTests.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.BedrockWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bedrock's ConverseStream, text and tools both ways, against a fake speaking the AWS event stream over HTTP. */
class BedrockProviderTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final FakeProvider fake = FakeProvider.start(BedrockWire.answering("Hola", " mundo"));

	static final ChatProvider bedrock = ConfiguredProviders
		.create(AiSettings.of("bedrock.region", "us-east-1", "bedrock.access-key-id", "AKIAEXAMPLE",
				"bedrock.secret-access-key", "secret", "bedrock.endpoint", fake.baseUrl()).bind(),
				OutboundAddressGuard.standard())
		.getFirst();

	@BeforeEach
	void reset() {
		fake.reset();
	}

	@AfterAll
	static void stop() throws Exception {
		((AutoCloseable) bedrock).close();
		fake.close();
	}

	@Test
	void streamsTextStopReasonAndUsage() {
		List<ProviderChunk> chunks = bedrock.stream(new ProviderCall("anthropic.claude-3-haiku",
				List.of(PromptMessage.system("Be brief"), PromptMessage.user("Hola")), null, 30, null, true))
			.collectList()
			.block();

		assertThat(chunks).extracting(ProviderChunk::text).containsSubsequence("Hola", " mundo");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("stop");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(BedrockWire.INPUT_TOKENS, 2));
		assertThat(body().has("toolConfig")).as("no tools, no tool configuration").isFalse();
	}

	@Test
	void toolDefinitionsReachTheWireWithNameDescriptionAndSchema() {
		bedrock.stream(call(PromptMessage.user("Hi"))).blockLast();

		JsonNode tools = body().get("toolConfig").get("tools");
		assertThat(tools).hasSize(2);
		JsonNode spec = tools.get(0).get("toolSpec");
		assertThat(spec.get("name").asString()).isEqualTo("lookup");
		assertThat(spec.get("description").asString()).isEqualTo("Looks a thing up");
		JsonNode schema = spec.get("inputSchema").get("json");
		assertThat(schema.get("type").asString()).isEqualTo("object");
		assertThat(schema.get("properties").get("q").get("type").asString()).isEqualTo("integer");
		assertThat(schema.get("required").get(0).asString()).isEqualTo("q");
		assertThat(tools.get(1).get("toolSpec").get("name").asString()).isEqualTo("clock");
	}

	@Test
	void aToolUseStreamedInPiecesArrivesWholeAfterTheText() {
		fake.enqueue(BedrockWire.streamToolUses("Checking. ", new ToolCall("tooluse_1", "lookup", "{\"q\": 1}")));

		List<ProviderChunk> chunks = bedrock.stream(call(PromptMessage.user("Look up 1"))).collectList().block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Checking. ");
		assertThat(toolCalls(chunks)).containsExactly(new ToolCall("tooluse_1", "lookup", "{\"q\": 1}"));
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(BedrockWire.INPUT_TOKENS, 1));
	}

	@Test
	void parallelToolUsesArriveInTheModelsOrder() {
		fake.enqueue(BedrockWire.streamToolUses("", new ToolCall("tooluse_1", "lookup", "{\"q\":1}"),
				new ToolCall("tooluse_2", "clock", "{}")));

		List<ToolCall> calls = toolCalls(bedrock.stream(call(PromptMessage.user("Both"))).collectList().block());

		assertThat(calls).containsExactly(new ToolCall("tooluse_1", "lookup", "{\"q\":1}"),
				new ToolCall("tooluse_2", "clock", "{}"));
	}

	@Test
	void malformedInputIsDeliveredAsTheModelWroteItAndAMissingIdIsMadeUp() {
		fake.enqueue(BedrockWire.streamToolUses("", new ToolCall("", "lookup", "{\"q\": 1,")));

		List<ToolCall> calls = toolCalls(bedrock.stream(call(PromptMessage.user("Broken"))).collectList().block());

		assertThat(calls).singleElement().satisfies(call -> {
			assertThat(call.id()).startsWith("call_").hasSizeGreaterThan(10);
			assertThat(call.name()).isEqualTo("lookup");
			assertThat(call.arguments()).isEqualTo("{\"q\": 1,");
		});
	}

	@Test
	void theAssistantsTextAndToolUsesAndTheToolResultsGoBackOnTheNextCall() {
		List<ToolCall> calls = List.of(new ToolCall("tooluse_1", "lookup", "{\"q\":1}"),
				new ToolCall("tooluse_2", "clock", "{\"broken\":"));

		bedrock.stream(call(PromptMessage.user("Both"), PromptMessage.assistant("Checking. ", calls),
				PromptMessage.tool("tooluse_1", "one"), PromptMessage.tool("tooluse_2", "noon")))
			.blockLast();

		JsonNode messages = body().get("messages");
		assertThat(messages).hasSize(3);
		JsonNode assistant = messages.get(1);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		assertThat(assistant.get("content")).hasSize(3);
		assertThat(assistant.get("content").get(0).get("text").asString()).isEqualTo("Checking. ");
		JsonNode toolUse = assistant.get("content").get(1).get("toolUse");
		assertThat(toolUse.get("toolUseId").asString()).isEqualTo("tooluse_1");
		assertThat(toolUse.get("name").asString()).isEqualTo("lookup");
		assertThat(toolUse.get("input").get("q").asInt()).isEqualTo(1);
		assertThat(assistant.get("content").get(2).get("toolUse").get("input").toString())
			.as("arguments that are not JSON go back as an empty object").isEqualTo("{}");
		JsonNode results = messages.get(2);
		assertThat(results.get("role").asString()).isEqualTo("user");
		assertThat(results.get("content")).hasSize(2);
		JsonNode first = results.get("content").get(0).get("toolResult");
		assertThat(first.get("toolUseId").asString()).isEqualTo("tooluse_1");
		assertThat(first.get("content").get(0).get("text").asString()).isEqualTo("one");
		assertThat(results.get("content").get(1).get("toolResult").get("toolUseId").asString()).isEqualTo("tooluse_2");
	}

	private static JsonNode body() {
		return json.readTree(fake.requests().getLast().body());
	}

	private static ProviderCall call(PromptMessage... messages) {
		return new ProviderCall("anthropic.claude-3-haiku", List.of(messages), null, 30, null, true, List.of(LOOKUP, CLOCK));
	}
}
