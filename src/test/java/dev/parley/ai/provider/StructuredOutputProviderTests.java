package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.GeminiWire;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call with an output schema asks each provider for its native structured output, over HTTP:
 * OpenAI's {@code response_format} (not strict), Anthropic's {@code output_config}, Gemini's
 * response schema and Ollama's {@code format}.
 */
class StructuredOutputProviderTests {

	static final String SCHEMA = """
			{"type":"object","properties":{"answer":{"type":"integer"}},"required":["answer"]}""";

	static final FakeProvider openaiServer = FakeProvider.start(OpenAiWire.answering("{\"answer\": 1}"));

	static final FakeProvider anthropicServer = FakeProvider.start(AnthropicWire.answering("{\"answer\": 1}"));

	static final FakeProvider geminiServer = FakeProvider.start(GeminiWire.answering("{\"answer\": 1}"));

	static final FakeProvider ollamaServer = FakeProvider.start(OllamaWire.answering("{\"answer\": 1}"));

	static final JsonMapper json = JsonMapper.builder().build();

	@AfterAll
	static void stop() {
		List.of(openaiServer, anthropicServer, geminiServer, ollamaServer).forEach(FakeProvider::close);
	}

	@Test
	void openAiGetsAJsonSchemaResponseFormatThatIsNotStrict() {
		provider(AiSettings.of("openai.api-key", "sk-test", "openai.base-url", openaiServer.baseUrl() + "/v1"))
			.stream(call()).blockLast();

		JsonNode format = body(openaiServer).get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("schema").get("required").get(0).asString()).isEqualTo("answer");
		assertThat(format.get("json_schema").path("strict").asBoolean(false)).isFalse();
	}

	@Test
	void anthropicGetsAnOutputFormatWithTheSchema() {
		provider(AiSettings.of("anthropic.api-key", "sk-ant", "anthropic.base-url", anthropicServer.baseUrl()))
			.stream(call()).blockLast();

		String body = anthropicServer.requests().getLast().body();
		assertThat(body).contains("output_config").contains("json_schema").contains("\"answer\"");
	}

	@Test
	void geminiGetsAResponseSchema() {
		provider(AiSettings.of("gemini.api-key", "g-key", "gemini.base-url", geminiServer.baseUrl()))
			.stream(call()).blockLast();

		String body = geminiServer.requests().getLast().body();
		assertThat(body).contains("application/json").contains("\"answer\"");
	}

	@Test
	void ollamaGetsTheSchemaAsItsFormat() {
		provider(AiSettings.of("ollama.base-url", ollamaServer.baseUrl())).stream(call()).blockLast();

		JsonNode format = body(ollamaServer).get("format");
		assertThat(format.get("properties").has("answer")).isTrue();
	}

	private static ProviderCall call() {
		return new ProviderCall("model-x", List.of(PromptMessage.user("The answer?")), null, 100, null, true, List.of(),
				SCHEMA);
	}

	private static ChatProvider provider(AiSettings settings) {
		return ConfiguredProviders.create(settings.bind(), OutboundAddressGuard.standard()).getFirst();
	}

	private static JsonNode body(FakeProvider server) {
		return json.readTree(server.requests().getLast().body());
	}
}
