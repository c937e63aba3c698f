package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dev.parley.ai.AiProperties;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.platform.outbound.HostResolver;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiProviderTests {

	static final String SERVER_KEY = "sk-server-secret-key";

	static final FakeProvider fake = FakeProvider.start(OpenAiWire.answering("Hello", ", ", "world"));

	static final FakeProvider userEndpoint = FakeProvider.start(OpenAiWire.answering("from", " yours"));

	private final AiProperties settings = AiSettings.of("openai.api-key", SERVER_KEY, "openai.base-url",
			fake.baseUrl() + "/v1").bind();

	// The user's endpoint is a fake on loopback: the guard is told to allow loopback for it.
	private final ChatProvider openai = ConfiguredProviders
		.create(settings, OutboundAddressGuard.of(false, List.of("127.0.0.0/8", "::1"), HostResolver.SYSTEM))
		.getFirst();

	@BeforeEach
	void reset() {
		fake.reset();
		userEndpoint.reset();
	}

	@AfterAll
	static void stop() {
		fake.close();
		userEndpoint.close();
	}

	@Test
	void streamsTextFinishReasonAndUsageWithTheServerKey() {
		List<ProviderChunk> chunks = openai.stream(call(null)).collectList().block();

		assertThat(openai.id()).isEqualTo("openai");
		assertThat(chunks).extracting(ProviderChunk::text).containsSubsequence("Hello", ", ", "world");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("stop");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 3));
		FakeProvider.Received request = fake.requests().getFirst();
		assertThat(request.uri()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + SERVER_KEY);
		JsonNode body = JsonMapper.builder().build().readTree(request.body());
		assertThat(body.get("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
		assertThat(body.get("max_tokens").asInt()).isEqualTo(50);
		assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("system");
		assertThat(body.get("messages").get(1).get("content").asString()).isEqualTo("Say hello");
	}

	@Test
	void answersWholeWhenTheCallerWaitsForAllOfIt() {
		ProviderCall whole = new ProviderCall("gpt-4o-mini", List.of(PromptMessage.user("Say hello")), null, 50, null,
				false);

		List<ProviderChunk> chunks = openai.stream(whole).collectList().block();

		assertThat(chunks).containsExactly(new ProviderChunk("Hello, world", "stop", new TokenUsage(OpenAiWire.PROMPT_TOKENS, 3)));
		assertThat(fake.requests().getFirst().streaming()).isFalse();
	}

	@Test
	void toolCallChunksDoNotBreakTheStream() {
		fake.enqueue(OpenAiWire.streamWithToolCall("Let me", " look"));

		List<ProviderChunk> chunks = openai.stream(call(null)).collectList().block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList())).isEqualTo("Let me look");
		assertThat(chunks).extracting(ProviderChunk::finishReason).contains("tool_calls");
		assertThat(chunks).extracting(ProviderChunk::usage).contains(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 5));
	}

	@Test
	void aUsersOwnKeyAndBaseUrlAreUsedInsteadOfTheServers() {
		ProviderCredential own = new ProviderCredential("sk-user-own-key", userEndpoint.baseUrl() + "/v1");

		List<ProviderChunk> chunks = openai.stream(call(own)).collectList().block();
		openai.stream(call(own)).blockLast();

		assertThat(chunks).extracting(ProviderChunk::text).contains("from", " yours");
		assertThat(fake.requestCount()).isZero();
		assertThat(userEndpoint.requests()).extracting(request -> request.header("Authorization"))
			.containsExactly("Bearer sk-user-own-key", "Bearer sk-user-own-key");
	}

	@Test
	void aRateLimitCarriesItsStatusAndRetryAfter() {
		fake.enqueue(OpenAiWire.error(429, "rate_limit_exceeded").withHeader("Retry-After", "2"));

		assertThatThrownBy(() -> openai.stream(call(null)).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> {
					assertThat(error.status()).isEqualTo(429);
					assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(2));
					assertThat(error.retryable()).isTrue();
				});
		assertThat(fake.requestCount()).as("the SDK's own retries are off").isEqualTo(1);
	}

	@Test
	void aRefusedKeyIsNotRetryableAndItsMessageHoldsNoKey() {
		fake.enqueue(OpenAiWire.error(401, "invalid_request_error"));

		assertThatThrownBy(() -> openai.stream(call(null)).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> {
					assertThat(error.status()).isEqualTo(401);
					assertThat(error.retryable()).isFalse();
					assertThat(error.getMessage()).doesNotContain("sk-").doesNotContain(SERVER_KEY);
				});
	}

	@Test
	void anUnreachableServerIsAFailureWithoutStatus() {
		AiProperties unreachable = AiSettings.of("openai.api-key", SERVER_KEY, "openai.base-url",
				"http://127.0.0.1:1/v1").bind();
		ChatProvider provider = ConfiguredProviders.create(unreachable, OutboundAddressGuard.standard()).getFirst();

		assertThatThrownBy(() -> provider.stream(call(null)).blockLast()).isInstanceOfSatisfying(ProviderError.class,
				error -> {
					assertThat(error.status()).isZero();
					assertThat(error.retryable()).isTrue();
				});
	}

	static ProviderCall call(ProviderCredential credential) {
		return new ProviderCall("gpt-4o-mini", List.of(PromptMessage.system("Be brief"), PromptMessage.user("Say hello")),
				0.2, 50, credential, true);
	}
}
