package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.BedrockWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.GeminiWire;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.ai.fake.Reply;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions} translated for the providers that do not speak OpenAI's API,
 * over real HTTP, each against a fake of its own wire format: tools round trips, streamed tool
 * calls, tool choice and sampling reaching the provider's JSON, structured output through the
 * native mechanism, parameters a provider cannot honour refused by name (or dropped when asked),
 * images, and the fields OpenAI's schema requires.
 */
@IntegrationTest
class TranslatedChatCompletionsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final FakeProvider anthropic = FakeProvider.start(AnthropicWire.answering("Done"));

	static final FakeProvider gemini = FakeProvider.start(GeminiWire.answering("Done"));

	static final FakeProvider ollama = FakeProvider.start(OllamaWire.answering("Done"));

	static final FakeProvider bedrock = FakeProvider.start(BedrockWire.answering("Done"));

	static final Map<String, FakeProvider> FAKES = Map.of("anthropic", anthropic, "gemini", gemini, "ollama", ollama,
			"bedrock", bedrock);

	static final Map<String, String> MODELS = Map.of("anthropic", "anthropic/claude-fake", "gemini",
			"gemini/gemini-2.5-flash", "ollama", "ollama/llama3.2", "bedrock", "bedrock/anthropic.claude-fake");

	static final ToolCall WEATHER = new ToolCall("call_w1", "weather", "{\"city\":\"Porto\"}");

	/** A 1x1 PNG. */
	static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.anthropic.api-key", () -> "sk-ant-test");
		registry.add("parley.ai.anthropic.base-url", anthropic::baseUrl);
		registry.add("parley.ai.gemini.api-key", () -> "g-test");
		registry.add("parley.ai.gemini.base-url", gemini::baseUrl);
		registry.add("parley.ai.ollama.base-url", ollama::baseUrl);
		registry.add("parley.ai.bedrock.region", () -> "us-east-1");
		registry.add("parley.ai.bedrock.access-key-id", () -> "AKIAEXAMPLE");
		registry.add("parley.ai.bedrock.secret-access-key", () -> "secret");
		registry.add("parley.ai.bedrock.endpoint", bedrock::baseUrl);
	}

	@AfterAll
	static void stop() {
		FAKES.values().forEach(FakeProvider::close);
	}

	@Autowired
	ApiClient api;

	String key;

	@BeforeEach
	void reset() {
		FAKES.values().forEach(FakeProvider::reset);
		key = OpenAiClient.newApiKey(api);
	}

	@ParameterizedTest
	@ValueSource(strings = { "anthropic", "gemini", "ollama", "bedrock" })
	void runsAToolsRoundTrip(String provider) {
		FakeProvider fake = FAKES.get(provider);
		fake.enqueue(toolCallReply(provider, false));
		Response first = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "messages",
				List.of(map("role", "user", "content", "Weather in Porto?")), "tools", List.of(weatherTool())));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode choice = first.json().get("choices").get(0);
		assertSpecFields(first.json());
		assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
		JsonNode message = choice.get("message");
		assertThat(message.get("content").isNull()).isTrue();
		JsonNode call = message.get("tool_calls").get(0);
		assertThat(call.get("type").asString()).isEqualTo("function");
		assertThat(call.get("function").get("name").asString()).isEqualTo("weather");
		assertThat(JSON.readTree(call.get("function").get("arguments").asString())).isEqualTo(JSON.readTree(WEATHER.arguments()));
		String callId = call.get("id").asString();
		assertThat(callId).isNotBlank();
		assertThat(toolNames(provider, body(fake, 0))).containsExactly("weather");

		Response second = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "messages", List.of(
				map("role", "user", "content", "Weather in Porto?"),
				map("role", "assistant", "content", null, "tool_calls", List.of(map("id", callId, "type", "function",
						"function", map("name", "weather", "arguments", call.get("function").get("arguments").asString())))),
				map("role", "tool", "tool_call_id", callId, "content", "{\"celsius\":21}")), "tools", List.of(weatherTool())));

		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("choices").get(0).get("message").get("content").asString()).isEqualTo("Done");
		assertThat(second.json().get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");
		String wire = body(fake, 1).toString();
		assertThat(wire).contains("celsius").contains("Porto");
		if (!provider.equals("gemini") && !provider.equals("ollama")) {
			assertThat(wire).contains(callId);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "anthropic", "gemini", "ollama", "bedrock" })
	void streamsToolCallsAsOpenAiChunks(String provider) {
		FAKES.get(provider).enqueue(toolCallReply(provider, true));
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "stream", true,
				"messages", List.of(map("role", "user", "content", "Weather in Porto?")), "tools", List.of(weatherTool())));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> events = OpenAiClient.events(response.body());
		assertThat(events.getLast()).isEqualTo("[DONE]");
		List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(OpenAiClient::json).toList();
		for (JsonNode chunk : chunks) {
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			JsonNode choice = chunk.get("choices").get(0);
			assertThat(choice.has("logprobs")).isTrue();
			assertThat(choice.get("logprobs").isNull()).isTrue();
			assertThat(choice.has("finish_reason")).isTrue();
		}
		List<JsonNode> callDeltas = chunks.stream()
			.map(chunk -> chunk.get("choices").get(0).get("delta"))
			.filter(delta -> delta.has("tool_calls"))
			.toList();
		assertThat(callDeltas).hasSize(1);
		JsonNode delta = callDeltas.getFirst().get("tool_calls").get(0);
		assertThat(delta.get("index").asInt()).isZero();
		assertThat(delta.get("id").asString()).isNotBlank();
		assertThat(delta.get("type").asString()).isEqualTo("function");
		assertThat(delta.get("function").get("name").asString()).isEqualTo("weather");
		assertThat(JSON.readTree(delta.get("function").get("arguments").asString())).isEqualTo(JSON.readTree(WEATHER.arguments()));
		assertThat(chunks.getLast().get("choices").get(0).get("finish_reason").asString()).isEqualTo("tool_calls");
	}

	@Test
	void anthropicGetsToolChoiceStopTopPAndOneCallAtATime() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("anthropic"), "messages",
				List.of(map("role", "user", "content", "hi")), "tools", List.of(weatherTool()), "tool_choice", "required",
				"parallel_tool_calls", false, "stop", List.of("END"), "top_p", 0.5));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode wire = body(anthropic, 0);
		assertThat(wire.get("tool_choice").get("type").asString()).isEqualTo("any");
		assertThat(wire.get("tool_choice").get("disable_parallel_tool_use").asBoolean()).isTrue();
		assertThat(wire.get("stop_sequences").get(0).asString()).isEqualTo("END");
		assertThat(wire.get("top_p").asDouble()).isEqualTo(0.5);
	}

	@Test
	void geminiGetsFunctionCallingModeStopAndTopP() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("gemini"), "messages",
				List.of(map("role", "user", "content", "hi")), "tools", List.of(weatherTool()), "tool_choice",
				map("type", "function", "function", map("name", "weather")), "stop", "END", "top_p", 0.5));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode wire = body(gemini, 0);
		JsonNode config = wire.get("toolConfig").get("functionCallingConfig");
		assertThat(config.get("mode").asString()).isEqualTo("ANY");
		assertThat(config.get("allowedFunctionNames").get(0).asString()).isEqualTo("weather");
		assertThat(wire.get("generationConfig").get("stopSequences").get(0).asString()).isEqualTo("END");
		assertThat(wire.get("generationConfig").get("topP").asDouble()).isEqualTo(0.5);
	}

	@Test
	void ollamaGetsStopSeedAndTopPAndNoToolsForToolChoiceNone() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("ollama"), "messages",
				List.of(map("role", "user", "content", "hi")), "tools", List.of(weatherTool()), "tool_choice", "none",
				"stop", List.of("END"), "seed", 42, "top_p", 0.5));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode wire = body(ollama, 0);
		assertThat(wire.path("tools").isEmpty()).isTrue();
		assertThat(wire.get("options").get("stop").get(0).asString()).isEqualTo("END");
		assertThat(wire.get("options").get("seed").asInt()).isEqualTo(42);
		assertThat(wire.get("options").get("top_p").asDouble()).isEqualTo(0.5);
	}

	@Test
	void geminiAndOllamaGetThePenalties() {
		for (String provider : List.of("gemini", "ollama")) {
			Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "messages",
					List.of(map("role", "user", "content", "hi")), "frequency_penalty", 0.5, "presence_penalty", -0.25));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}
		JsonNode generationConfig = body(gemini, 0).get("generationConfig");
		assertThat(generationConfig.get("frequencyPenalty").asDouble()).isEqualTo(0.5);
		assertThat(generationConfig.get("presencePenalty").asDouble()).isEqualTo(-0.25);
		JsonNode options = body(ollama, 0).get("options");
		assertThat(options.get("frequency_penalty").asDouble()).isEqualTo(0.5);
		assertThat(options.get("presence_penalty").asDouble()).isEqualTo(-0.25);
	}

	@Test
	void streamsSeveralToolCallsEachWithItsIndex() {
		ToolCall second = new ToolCall("call_w2", "weather", "{\"city\":\"Braga\"}");
		anthropic.enqueue(AnthropicWire.streamToolUses("Checking.", WEATHER, second));
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("anthropic"), "stream", true,
				"messages", List.of(map("role", "user", "content", "Porto and Braga?")), "tools", List.of(weatherTool())));

		List<String> events = OpenAiClient.events(response.body());
		List<JsonNode> deltas = events.subList(0, events.size() - 1)
			.stream()
			.map(OpenAiClient::json)
			.map(chunk -> chunk.get("choices").get(0).get("delta"))
			.toList();
		assertThat(deltas.stream().filter(delta -> delta.has("content")).map(delta -> delta.get("content").asString()))
			.contains("Checking.");
		List<JsonNode> calls = deltas.stream().filter(delta -> delta.has("tool_calls")).map(d -> d.get("tool_calls").get(0)).toList();
		assertThat(calls).extracting(call -> call.get("index").asInt()).containsExactly(0, 1);
		assertThat(calls).extracting(call -> call.get("id").asString()).containsExactly("call_w1", "call_w2");
	}

	@Test
	void bedrockGetsToolChoiceStopAndTopP() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("bedrock"), "messages",
				List.of(map("role", "user", "content", "hi")), "tools", List.of(weatherTool()), "tool_choice",
				map("type", "function", "function", map("name", "weather")), "stop", List.of("END"), "top_p", 0.5));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode wire = body(bedrock, 0);
		assertThat(wire.get("toolConfig").get("toolChoice").get("tool").get("name").asString()).isEqualTo("weather");
		assertThat(wire.get("inferenceConfig").get("stopSequences").get(0).asString()).isEqualTo("END");
		assertThat(wire.get("inferenceConfig").get("topP").asDouble()).isEqualTo(0.5);
	}

	@Test
	void jsonSchemaAndJsonObjectGoAsTheProvidersNativeStructuredOutput() {
		Object schemaFormat = map("type", "json_schema", "json_schema", map("name", "city", "schema",
				map("type", "object", "properties", map("city", map("type", "string")), "required", List.of("city"))));
		for (String provider : List.of("anthropic", "gemini", "ollama")) {
			Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "messages",
					List.of(map("role", "user", "content", "hi")), "response_format", schemaFormat));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}
		assertThat(body(anthropic, 0).get("output_config").get("format").get("schema").get("required").get(0).asString())
			.isEqualTo("city");
		JsonNode geminiConfig = body(gemini, 0).get("generationConfig");
		assertThat(geminiConfig.get("responseMimeType").asString()).isEqualTo("application/json");
		assertThat(geminiConfig.toString()).contains("\"city\"");
		assertThat(body(ollama, 0).get("format").get("required").get(0).asString()).isEqualTo("city");

		for (String provider : List.of("gemini", "ollama")) {
			Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get(provider), "messages",
					List.of(map("role", "user", "content", "hi")), "response_format", map("type", "json_object")));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}
		assertThat(body(gemini, 1).get("generationConfig").get("responseMimeType").asString()).isEqualTo("application/json");
		assertThat(body(ollama, 1).get("format").asString()).isEqualTo("json");
	}

	@Test
	void refusesWhatTheProviderCannotHonourNamingTheParameter() {
		assertRefused("anthropic", map("seed", 7), "seed");
		assertRefused("anthropic", map("response_format", map("type", "json_object")), "response_format");
		assertRefused("gemini", map("seed", 7), "seed");
		assertRefused("gemini", map("tools", List.of(weatherTool()), "parallel_tool_calls", false), "parallel_tool_calls");
		assertRefused("ollama", map("tools", List.of(weatherTool()), "tool_choice", "required"), "tool_choice");
		assertRefused("bedrock", map("response_format", map("type", "json_object")), "response_format");
		assertRefused("bedrock", map("seed", 7), "seed");
		assertRefused("bedrock", map("n", 2), "n");
		assertRefused("anthropic", map("logit_bias", map("50256", -100)), "logit_bias");
		assertRefused("gemini", map("logprobs", true), "logprobs");
		assertRefused("anthropic", map("frequency_penalty", 0.5), "frequency_penalty");
		assertRefused("bedrock", map("presence_penalty", -1), "presence_penalty");
		assertRefused("anthropic", map("not_an_openai_field", 1), "not_an_openai_field");
		FAKES.values().forEach(fake -> assertThat(fake.requestCount()).isZero());
	}

	@Test
	void dropsWhatTheProviderCannotHonourWhenTheRequestSaysSo() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("anthropic"), "messages",
				List.of(map("role", "user", "content", "hi")), "seed", 7, "logit_bias", map("1", 2), "top_p", 0.25,
				"drop_params", true));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode wire = body(anthropic, 0);
		assertThat(wire.has("seed")).isFalse();
		assertThat(wire.toString()).doesNotContain("logit_bias").doesNotContain("drop_params");
		assertThat(wire.get("top_p").asDouble()).isEqualTo(0.25);
	}

	@Test
	void acceptsNeutralValuesAndUserAndMetadata() {
		Response response = api.post("/v1/chat/completions", key, map("model", MODELS.get("anthropic"), "messages",
				List.of(map("role", "user", "content", "hi")), "n", 1, "logprobs", false, "frequency_penalty", 0,
				"presence_penalty", 0, "store", false, "user", "user-1", "metadata", map("team", "a")));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "anthropic", "gemini", "ollama", "bedrock" })
	void imagePartsReachTheWire(String provider) {
		Object parts = List.of(map("type", "text", "text", "What is this?"),
				map("type", "image_url", "image_url", map("url", "data:image/png;base64," + PNG, "detail", "low")));
		Response response = api.post("/v1/chat/completions", key,
				map("model", MODELS.get(provider), "messages", List.of(map("role", "user", "content", parts))));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String wire = body(FAKES.get(provider), 0).toString();
		assertThat(wire).contains("What is this?");
		// Every wire format carries the bytes base64-encoded (the AWS SDK too, in its JSON protocol).
		assertThat(wire.replace("\\/", "/")).contains(PNG.substring(0, 40));
	}

	@Test
	void fetchesImageUrlsThroughTheAddressGuard() {
		Object parts = List.of(map("type", "text", "text", "look"),
				map("type", "image_url", "image_url", map("url", anthropic.baseUrl() + "/cat.png")));
		Response response = api.post("/v1/chat/completions", key,
				map("model", MODELS.get("anthropic"), "messages", List.of(map("role", "user", "content", parts))));

		JsonNode error = OpenAiClient.error(response, 400);
		assertThat(error.get("param").asString()).isEqualTo("messages[0].content[1]");
		assertThat(error.get("message").asString()).contains("address");
		assertThat(anthropic.requestCount()).isZero();
	}

	@Test
	void refusesImagesForAModelThatTakesNone() {
		Object parts = List.of(map("type", "image_url", "image_url", map("url", "data:image/png;base64," + PNG)));
		JsonNode error = OpenAiClient.error(api.post("/v1/chat/completions", key, map("model", "local/echo", "messages",
				List.of(map("role", "user", "content", "hi"), map("role", "user", "content", parts)))), 400);
		assertThat(error.get("param").asString()).isEqualTo("messages[1].content[0]");
	}

	private void assertRefused(String provider, Map<String, Object> extra, String param) {
		Map<String, Object> body = new LinkedHashMap<>(
				map("model", MODELS.get(provider), "messages", List.of(map("role", "user", "content", "hi"))));
		body.putAll(extra);
		JsonNode error = OpenAiClient.error(api.post("/v1/chat/completions", key, body), 400);
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.get("param").asString()).as(provider + " " + extra).isEqualTo(param);
	}

	/** What OpenAI's CreateChatCompletionResponse requires of every choice. */
	static void assertSpecFields(JsonNode completion) {
		assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.get("id").asString()).startsWith("chatcmpl-");
		assertThat(completion.has("usage")).isTrue();
		for (JsonNode choice : completion.get("choices")) {
			assertThat(choice.has("index")).isTrue();
			assertThat(choice.has("finish_reason")).isTrue();
			assertThat(choice.has("logprobs")).isTrue();
			assertThat(choice.get("logprobs").isNull()).isTrue();
			assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
			assertThat(choice.get("message").has("content")).isTrue();
			assertThat(choice.get("message").has("refusal")).isTrue();
			assertThat(choice.get("message").get("refusal").isNull()).isTrue();
		}
	}

	static Map<String, Object> weatherTool() {
		return map("type", "function", "function", map("name", "weather", "description", "The weather in a city",
				"parameters", map("type", "object", "properties", map("city", map("type", "string")), "required",
						List.of("city"))));
	}

	static Reply toolCallReply(String provider, boolean streamed) {
		return switch (provider) {
			case "anthropic" -> streamed ? AnthropicWire.streamToolUses("", WEATHER) : AnthropicWire.jsonToolUses("", WEATHER);
			case "gemini" -> streamed ? GeminiWire.streamFunctionCalls(WEATHER) : GeminiWire.jsonFunctionCalls(WEATHER);
			case "ollama" -> streamed ? OllamaWire.streamToolCalls(WEATHER) : OllamaWire.jsonToolCalls(WEATHER);
			default -> BedrockWire.streamToolUses("", WEATHER);
		};
	}

	/** The names of the tools a provider's request offered. */
	static List<String> toolNames(String provider, JsonNode wire) {
		List<String> names = new ArrayList<>();
		switch (provider) {
			case "anthropic" -> wire.get("tools").forEach(tool -> names.add(tool.get("name").asString()));
			case "gemini" -> wire.get("tools").get(0).get("functionDeclarations").forEach(tool -> names.add(tool.get("name").asString()));
			case "ollama" -> wire.get("tools").forEach(tool -> names.add(tool.get("function").get("name").asString()));
			default -> wire.get("toolConfig").get("tools").forEach(tool -> names.add(tool.get("toolSpec").get("name").asString()));
		}
		return names;
	}

	static JsonNode body(FakeProvider fake, int index) {
		return JSON.readTree(fake.requests().get(index).body());
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
