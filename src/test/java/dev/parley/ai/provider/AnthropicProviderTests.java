package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicProviderTests {

	static final FakeProvider fake = FakeProvider.start(AnthropicWire.answering("Bonjour", " le monde"));

	private final ChatProvider anthropic = ConfiguredProviders
		.create(AiSettings.of("anthropic.api-key", "sk-ant-server", "anthropic.base-url", fake.baseUrl()).bind(), OutboundAddressGuard.standard())
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
	void streamsTextStopReasonAndUsage() {
		List<ProviderChunk> chunks = anthropic.stream(call()).collectList().block();

		assertThat(anthropic.id()).isEqualTo("anthropic");
		assertThat(chunks).extracting(ProviderChunk::text).containsSubsequence("Bonjour", " le monde");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("stop");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(AnthropicWire.INPUT_TOKENS, 2));
		FakeProvider.Received request = fake.requests().getFirst();
		assertThat(request.uri()).startsWith("/v1/messages");
		assertThat(request.header("x-api-key")).isEqualTo("sk-ant-server");
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.get("model").asString()).isEqualTo("claude-haiku-4-5");
		assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("system").toString()).contains("Be brief");
	}

	@Test
	void answersWholeWhenTheCallerWaitsForAllOfIt() {
		List<ProviderChunk> chunks = anthropic.stream(call(false)).collectList().block();

		assertThat(chunks).containsExactly(
				new ProviderChunk("Bonjour le monde", "stop", new TokenUsage(AnthropicWire.INPUT_TOKENS, 2)));
		assertThat(fake.requests().getFirst().streaming()).isFalse();
	}

	@Test
	void toolUseBlocksDoNotBreakTheStream() {
		fake.enqueue(AnthropicWire.streamWithToolUse("Checking"));

		List<ProviderChunk> chunks = anthropic.stream(call()).collectList().block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Checking");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
	}

	@Test
	void anOverloadedProviderIsARetryableFailureAndTheSdkDoesNotRetry() {
		fake.enqueue(AnthropicWire.error(529, "overloaded_error").withHeader("retry-after", "1"));

		assertThatThrownBy(() -> anthropic.stream(call()).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> {
					assertThat(error.status()).isEqualTo(529);
					assertThat(error.retryable()).isTrue();
					assertThat(error.retryAfter()).hasSeconds(1);
				});
		assertThat(fake.requestCount()).isEqualTo(1);
	}

	@Test
	void aRefusedKeyIsNotRetryable() {
		fake.enqueue(AnthropicWire.error(401, "authentication_error"));

		assertThatThrownBy(() -> anthropic.stream(call()).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> assertThat(error.status()).isEqualTo(401));
	}

	private static ProviderCall call() {
		return call(true);
	}

	private static ProviderCall call(boolean streamed) {
		return new ProviderCall("claude-haiku-4-5", List.of(PromptMessage.system("Be brief"), PromptMessage.user("Salut")),
				null, 64, null, streamed);
	}
}
