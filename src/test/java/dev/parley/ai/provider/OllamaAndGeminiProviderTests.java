package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.GeminiWire;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OllamaAndGeminiProviderTests {

	static final FakeProvider ollamaServer = FakeProvider.start(OllamaWire.answering("Hi", " there"));

	static final FakeProvider geminiServer = FakeProvider.start(GeminiWire.answering("Ciao", " mondo"));

	static final FakeProvider compatibleServer = FakeProvider.start(OpenAiWire.answering("vLLM", " here"));

	@AfterAll
	static void stop() {
		ollamaServer.close();
		geminiServer.close();
		compatibleServer.close();
	}

	@Test
	void ollamaStreamsNdjsonWithUsage() {
		ChatProvider ollama = only(AiSettings.of("ollama.base-url", ollamaServer.baseUrl()));

		List<ProviderChunk> chunks = ollama.stream(call("llama3.2")).collectList().block();

		assertThat(ollama.id()).isEqualTo("ollama");
		assertThat(chunks).extracting(ProviderChunk::text).containsSubsequence("Hi", " there");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("stop");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(OllamaWire.PROMPT_EVAL_COUNT, 2));
		FakeProvider.Received request = ollamaServer.requests().getLast();
		assertThat(request.uri()).isEqualTo("/api/chat");
		assertThat(request.body()).contains("\"model\":\"llama3.2\"").contains("\"num_predict\":40");
	}

	@Test
	void geminiStreamsFromTheConfiguredBaseUrlWithTheKey() {
		ChatProvider gemini = only(AiSettings.of("gemini.api-key", "gemini-key", "gemini.base-url", geminiServer.baseUrl()));

		List<ProviderChunk> chunks = gemini.stream(call("gemini-2.5-flash")).collectList().block();

		assertThat(gemini.id()).isEqualTo("gemini");
		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Ciao mondo");
		assertThat(chunks.getLast().finishReason()).isEqualTo("stop");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(GeminiWire.PROMPT_TOKENS, 2));
		FakeProvider.Received request = geminiServer.requests().getLast();
		assertThat(request.uri()).contains("gemini-2.5-flash:streamGenerateContent");
		assertThat(request.header("x-goog-api-key")).isEqualTo("gemini-key");
	}

	@Test
	void ollamaAnswersWholeWhenTheCallerWaitsForAllOfIt() {
		ChatProvider ollama = only(AiSettings.of("ollama.base-url", ollamaServer.baseUrl()));

		List<ProviderChunk> chunks = ollama.stream(whole("llama3.2")).collectList().block();

		assertThat(chunks).containsExactly(new ProviderChunk("Hi there", "stop", new TokenUsage(OllamaWire.PROMPT_EVAL_COUNT, 2)));
		assertThat(ollamaServer.requests().getLast().body().replace(" ", "")).contains("\"stream\":false");
	}

	@Test
	void geminiAnswersWholeWhenTheCallerWaitsForAllOfIt() {
		ChatProvider gemini = only(AiSettings.of("gemini.api-key", "gemini-key", "gemini.base-url", geminiServer.baseUrl()));

		List<ProviderChunk> chunks = gemini.stream(whole("gemini-2.5-flash")).collectList().block();

		assertThat(chunks).containsExactly(new ProviderChunk("Ciao mondo", "stop", new TokenUsage(GeminiWire.PROMPT_TOKENS, 2)));
		assertThat(geminiServer.requests().getLast().uri()).contains("gemini-2.5-flash:generateContent");
	}

	@Test
	void aNamedOpenAiCompatibleServerIsAProviderOfItsOwn() {
		ChatProvider vllm = only(AiSettings.of("providers.vllm.base-url", compatibleServer.baseUrl() + "/v1"));

		List<ProviderChunk> chunks = vllm.stream(call("qwen/qwen3-8b")).collectList().block();

		assertThat(vllm.id()).isEqualTo("vllm");
		assertThat(chunks).extracting(ProviderChunk::text).containsSubsequence("vLLM", " here");
		FakeProvider.Received request = compatibleServer.requests().getLast();
		assertThat(request.body()).contains("\"model\":\"qwen/qwen3-8b\"");
		assertThat(request.header("Authorization")).as("no key, no header").isNull();
	}

	private static ChatProvider only(AiSettings settings) {
		List<ChatProvider> providers = ConfiguredProviders.create(settings.bind(), OutboundAddressGuard.standard());
		assertThat(providers).hasSize(1);
		return providers.getFirst();
	}

	private static ProviderCall call(String model) {
		return new ProviderCall(model, List.of(PromptMessage.user("Hello")), 0.5, 40, null, true);
	}

	private static ProviderCall whole(String model) {
		return new ProviderCall(model, List.of(PromptMessage.user("Hello")), 0.5, 40, null, false);
	}
}
