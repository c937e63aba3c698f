package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
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

/**
 * The port's generation options through the OpenAI adapter (OpenAI and named OpenAI-compatible
 * servers), over HTTP: top_p, stop, seed, tool choice, parallel tool calls, JSON mode, penalties and images
 * reach the chat-completions request.
 */
class OpenAiOptionsProviderTests {

	static final FakeProvider server = FakeProvider.start(OpenAiWire.answering("{}"));

	static final JsonMapper json = JsonMapper.builder().build();

	static final ToolDefinition LOOKUP = new ToolDefinition("lookup", "Looks a thing up",
			"{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}");

	private final ChatProvider openai = ConfiguredProviders
		.create(AiSettings.of("openai.api-key", "sk-test", "openai.base-url", server.baseUrl() + "/v1").bind(),
				OutboundAddressGuard.standard())
		.getFirst();

	@BeforeEach
	void reset() {
		server.reset();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void sendsSamplingToolChoiceAndJsonMode() {
		GenerationOptions options = new GenerationOptions(0.5, List.of("END"), 42L,
				GenerationOptions.ToolChoice.function("lookup"), false, true, 0.5, -0.25);
		openai.stream(new ProviderCall("gpt-x", List.of(PromptMessage.user("hi")), null, 100, null, false, List.of(LOOKUP),
				null, options)).blockLast();

		JsonNode body = json.readTree(server.requests().getLast().body());
		assertThat(body.get("top_p").asDouble()).isEqualTo(0.5);
		assertThat(body.get("stop").toString()).contains("END");
		assertThat(body.get("seed").asInt()).isEqualTo(42);
		assertThat(body.get("tool_choice").get("function").get("name").asString()).isEqualTo("lookup");
		assertThat(body.get("parallel_tool_calls").asBoolean(true)).isFalse();
		assertThat(body.get("response_format").get("type").asString()).isEqualTo("json_object");
		assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
		assertThat(body.get("presence_penalty").asDouble()).isEqualTo(-0.25);
	}

	@Test
	void sendsImagesAsImageUrlParts() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		openai.stream(new ProviderCall("gpt-x", List.of(PromptMessage.user("What is it?",
				List.of(new PromptImage("image/png", png)))), null, 100, null, false)).blockLast();

		String body = server.requests().getLast().body();
		assertThat(body).contains("image_url").contains("data:image/png;base64,iVBORw").contains("What is it?");
	}
}
