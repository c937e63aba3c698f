package dev.parley.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.credentials.KeySource;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ConfiguredProviders;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.resilience.ResilientCalls;
import dev.parley.platform.outbound.OutboundAddressGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Tool calls through {@link Generations}: offered, heard as they complete, in the result, never retried. */
class ToolCallGenerationTests {

	static final ToolDefinition LOOKUP = new ToolDefinition("lookup", "Looks a thing up",
			"{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"integer\"}}}");

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Hello"));

	static final FakeProvider backup = FakeProvider.start(OpenAiWire.answering("Backup", " here"));

	/** {@code scripted/...}: emits what a test gives it, then fails as a server that breaks midway. */
	private final Scripted scripted = new Scripted();

	private final Generations generations = generations();

	@BeforeAll
	static void warmUp() {
		ResilienceTests.ChatProviderWarmUp.run(openai, backup);
	}

	@BeforeEach
	void reset() {
		openai.reset();
		backup.reset();
	}

	@AfterAll
	static void stop() {
		openai.close();
		backup.close();
	}

	@Test
	void aStreamedToolCallIsHeardWhenCompleteAndEndsTheResult() {
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_1", "lookup", "{\"q\":1}"),
				new ToolCall("call_2", "lookup", "{\"q\":2}")));
		Recorder recorder = new Recorder();

		generations.start(request("openai/gpt-4o-mini"), recorder);

		await().until(() -> recorder.result.get() != null || recorder.failure.get() != null);
		List<ToolCall> expected = List.of(new ToolCall("call_1", "lookup", "{\"q\":1}"),
				new ToolCall("call_2", "lookup", "{\"q\":2}"));
		assertThat(recorder.calls).containsExactlyElementsOf(expected);
		GenerationResult result = recorder.result.get();
		assertThat(result.toolCalls()).containsExactlyElementsOf(expected);
		assertThat(result.finishReason()).isEqualTo("tool_calls");
		assertThat(result.usage()).isEqualTo(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 2));
		assertThat(openai.requests().getFirst().body()).contains("\"tools\"").contains("\"lookup\"");
	}

	@Test
	void aWholeAnswerCarriesItsToolCallsAndTheHistoryGoesBack() {
		openai.enqueue(OpenAiWire.jsonToolCalls(new ToolCall("call_1", "lookup", "{\"q\":1}")));

		GenerationResult first = generations.generate(request("openai/gpt-4o-mini"));
		GenerationResult second = generations.generate(new GenerationRequest(null, "openai/gpt-4o-mini",
				List.of(PromptMessage.user("Look up 1"), PromptMessage.assistant(first.content(), first.toolCalls()),
						PromptMessage.tool("call_1", "one")),
				null, null, null, List.of(LOOKUP)));

		assertThat(first.toolCalls()).containsExactly(new ToolCall("call_1", "lookup", "{\"q\":1}"));
		assertThat(first.finishReason()).isEqualTo("tool_calls");
		assertThat(second.content()).isEqualTo("Hello");
		assertThat(second.toolCalls()).isEmpty();
		assertThat(openai.requests().get(1).body()).contains("\"tool_call_id\":\"call_1\"");
	}

	@Test
	void callsReportedWithStopStillFinishAsToolCalls() {
		scripted.chunks.add(new ProviderChunk("", null, null, List.of(new ToolCall("call_1", "lookup", "{}"))));
		scripted.chunks.add(new ProviderChunk("", "stop", new TokenUsage(3, 1)));

		GenerationResult result = generations.generate(request("scripted/completes"));

		assertThat(result.toolCalls()).hasSize(1);
		assertThat(result.finishReason()).isEqualTo("tool_calls");
	}

	@Test
	void aToolCallMeansTheModelHasSpokenNoRetryNoFallback() {
		scripted.chunks.add(new ProviderChunk("", null, null, List.of(new ToolCall("call_1", "lookup", "{}"))));
		scripted.failAfterChunks = true;
		Recorder recorder = new Recorder();

		generations.start(request("scripted/breaks"), recorder);

		await().until(() -> recorder.result.get() != null || recorder.failure.get() != null);
		assertThat(recorder.calls).hasSize(1);
		assertThat(recorder.failure.get()).isNotNull();
		assertThat(recorder.failure.get().reason()).isEqualTo(GenerationFailed.Reason.PROVIDER_ERROR);
		assertThat(scripted.calls).as("no retry after a tool call").hasValue(1);
		assertThat(backup.requestCount()).as("no fallback after a tool call").isZero();
	}

	@Test
	void aModelThatFailsBeforeSayingAnythingStillFallsBack() {
		scripted.failAfterChunks = true;

		GenerationResult result = generations.generate(request("scripted/breaks"));

		assertThat(result.model()).isEqualTo("backup/model-b");
		assertThat(result.content()).isEqualTo("Backup here");
		assertThat(backup.requests().getFirst().body()).as("the fallback is offered the tools too").contains("\"lookup\"");
	}

	private static GenerationRequest request(String model) {
		return new GenerationRequest(null, model, List.of(PromptMessage.user("Look up 1")), null, null, null,
				List.of(LOOKUP));
	}

	private Generations generations() {
		AiProperties settings = AiSettings.of("openai.api-key", "sk-test", "openai.base-url", openai.baseUrl() + "/v1")
			.set("providers.backup.base-url", backup.baseUrl() + "/v1")
			.set("timeouts.first-token", "5s")
			.set("timeouts.idle", "5s")
			.set("retry.initial-backoff", "10ms")
			.set("fallbacks[scripted/breaks]", "backup/model-b")
			.bind();
		List<ChatProvider> all = new ArrayList<>(ConfiguredProviders.create(settings, OutboundAddressGuard.standard()));
		all.add(scripted);
		ProviderRegistry providers = ProviderRegistry.of(all);
		ModelCatalogue catalogue = new ModelCatalogue(settings, providers);
		CredentialResolver serverKeys = mock(CredentialResolver.class);
		when(serverKeys.resolve(any(), any())).thenReturn(new CredentialResolver.Resolved(null, KeySource.SERVER));
		return new Generations(catalogue,
				new ModelRouter(catalogue, providers, new ResilientCalls(CircuitBreakerRegistry.ofDefaults(), settings),
						settings, serverKeys),
				new UserConcurrency(4), new GenerationMetering(event -> {
				}, Clock.systemUTC()), serverKeys, dev.parley.ai.quota.QuotaGate.UNLIMITED, null);
	}

	static final class Scripted implements ChatProvider {

		final List<ProviderChunk> chunks = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		volatile boolean failAfterChunks;

		@Override
		public String id() {
			return "scripted";
		}

		@Override
		public Flux<ProviderChunk> stream(ProviderCall call) {
			return Flux.defer(() -> {
				calls.incrementAndGet();
				Flux<ProviderChunk> answer = Flux.fromIterable(List.copyOf(chunks));
				return failAfterChunks
						? answer.concatWith(Flux.error(new ProviderError(503, Duration.ZERO, "broke off", null)))
						: answer;
			});
		}
	}

	static final class Recorder implements GenerationObserver {

		final List<ToolCall> calls = new CopyOnWriteArrayList<>();

		final AtomicReference<GenerationResult> result = new AtomicReference<>();

		final AtomicReference<GenerationFailed> failure = new AtomicReference<>();

		@Override
		public void onDelta(String text) {
		}

		@Override
		public void onToolCall(ToolCall call) {
			calls.add(call);
		}

		@Override
		public void onComplete(GenerationResult generation) {
			result.set(generation);
		}

		@Override
		public void onFailure(GenerationFailed failed) {
			failure.set(failed);
		}
	}
}
