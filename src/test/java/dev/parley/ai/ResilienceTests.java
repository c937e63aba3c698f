package dev.parley.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.GenerationFailed.Reason;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.provider.ConfiguredProviders;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.credentials.KeySource;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.resilience.ResilientCalls;
import dev.parley.platform.outbound.OutboundAddressGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, timeouts, the circuit breaker and fallbacks, against fake providers over HTTP. */
class ResilienceTests {

	static final FakeProvider primary = FakeProvider.start(OpenAiWire.answering("Hello", ", ", "world"));

	static final FakeProvider backup = FakeProvider.start(OpenAiWire.answering("Backup", " here"));

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(4)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofMinutes(5))
		.build());

	private final Generations generations = generations(AiSettings.of());

	@BeforeAll
	static void warmUp() {
		// The first call loads the provider SDKs, which on a busy machine can outlast a short
		// first-token timeout; a late request would then land in the next test.
		ChatProviderWarmUp.run(primary, backup);
	}

	@BeforeEach
	void reset() {
		primary.reset();
		backup.reset();
	}

	@AfterAll
	static void stop() {
		primary.close();
		backup.close();
	}

	@Test
	void retriesARateLimitThenSucceeds() {
		primary.enqueue(OpenAiWire.error(429, "rate_limit_exceeded"));

		GenerationResult result = generations.generate(request("openai/gpt-4o-mini"));

		assertThat(result.content()).isEqualTo("Hello, world");
		assertThat(result.model()).isEqualTo("openai/gpt-4o-mini");
		assertThat(result.usage()).isEqualTo(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 3));
		assertThat(primary.requestCount()).isEqualTo(2);
	}

	@Test
	void retriesServerErrorsThenSucceeds() {
		primary.enqueue(OpenAiWire.error(500, "server_error"), OpenAiWire.error(503, "server_error"));

		assertThat(generations.generate(request("openai/gpt-4o-mini")).content()).isEqualTo("Hello, world");
		assertThat(primary.requestCount()).isEqualTo(3);
	}

	@Test
	void givesUpAfterMaxAttempts() {
		primary.enqueue(OpenAiWire.error(500, "e"), OpenAiWire.error(500, "e"), OpenAiWire.error(500, "e"));

		assertFails(() -> generations.generate(request("openai/gpt-4o-mini")), Reason.PROVIDER_ERROR);
		assertThat(primary.requestCount()).isEqualTo(3);
	}

	@Test
	void waitsAsLongAsRetryAfterAsks() {
		primary.enqueue(OpenAiWire.error(429, "rate_limit_exceeded").withHeader("Retry-After", "1"));

		generations.generate(request("openai/gpt-4o-mini"));

		List<FakeProvider.Received> requests = primary.requests();
		assertThat(requests).hasSize(2);
		long gap = requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos();
		assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void neverRetriesOnceTextWasStreamed() {
		primary.enqueue(OpenAiWire.brokenStream("Hel", "lo"));
		Recorder recorder = new Recorder();

		generations.start(request("openai/gpt-4o-mini"), recorder);

		await().until(() -> recorder.failure.get() != null);
		assertThat(recorder.deltas).containsExactly("Hel", "lo");
		assertThat(recorder.failure.get().reason()).isEqualTo(Reason.PROVIDER_ERROR);
		assertThat(primary.requestCount()).isEqualTo(1);
	}

	@Test
	void aRefusedKeyIsNotRetried() {
		primary.enqueue(OpenAiWire.error(401, "invalid_request_error"));

		GenerationFailed failure = assertFails(() -> generations.generate(request("openai/gpt-4o-mini")),
				Reason.PROVIDER_REJECTED);
		assertThat(failure.getMessage()).contains("the provider refused the API key".substring(4));
		assertThat(primary.requestCount()).isEqualTo(1);
	}

	@Test
	void aSlowFirstTokenTimesOut() {
		primary.enqueue(OpenAiWire.stream("late").delayedBy(Duration.ofSeconds(5)));

		assertFails(() -> streamed(generations, request("openai/gpt-4o-mini")), Reason.TIMEOUT);
		assertThat(primary.requestCount()).isEqualTo(1);
	}

	@Test
	void aWholeAnswerIsAskedForWholeAndMayTakeLongerThanAFirstToken() {
		Generations quickFirstToken = generations(AiSettings.of("timeouts.first-token", "200ms"));
		primary.enqueue(OpenAiWire.json("Slow but whole", 3).delayedBy(Duration.ofMillis(600)));

		GenerationResult result = quickFirstToken.generate(request("openai/gpt-4o-mini"));

		assertThat(result.content()).isEqualTo("Slow but whole");
		assertThat(result.usage()).isEqualTo(new TokenUsage(OpenAiWire.PROMPT_TOKENS, 3));
		assertThat(primary.requests().getFirst().streaming()).isFalse();
	}

	@Test
	void aWholeAnswerTimesOutAfterTheRequestTimeout() {
		Generations shortRequests = generations(AiSettings.of("timeouts.request", "300ms"));
		primary.enqueue(OpenAiWire.json("Too late").delayedBy(Duration.ofSeconds(2)));

		assertFails(() -> shortRequests.generate(request("openai/gpt-4o-mini")), Reason.TIMEOUT);
		assertThat(primary.requestCount()).isEqualTo(1);
	}

	@Test
	void anOpenBreakerAnswersUnavailableWithoutCallingTheProvider() {
		Generations twoAttempts = generations(AiSettings.of("retry.max-attempts", "2"));
		for (int i = 0; i < 4; i++) {
			primary.enqueue(OpenAiWire.error(500, "server_error"));
		}
		assertFails(() -> twoAttempts.generate(request("openai/gpt-4o-mini")), Reason.PROVIDER_ERROR);
		assertFails(() -> twoAttempts.generate(request("openai/gpt-4o-mini")), Reason.PROVIDER_ERROR);

		GenerationFailed failure = assertFails(() -> twoAttempts.generate(request("openai/gpt-4o-mini")),
				Reason.UNAVAILABLE);

		assertThat(failure.getMessage()).contains("unavailable");
		assertThat(primary.requestCount()).isEqualTo(4);
	}

	@Test
	void fallsBackToTheNextModelWhichThenNamesTheAnswer() {
		primary.enqueue(OpenAiWire.error(500, "e"), OpenAiWire.error(500, "e"), OpenAiWire.error(500, "e"));

		GenerationResult result = generations.generate(request("openai/gpt-primary"));

		assertThat(result.model()).isEqualTo("backup/model-b");
		assertThat(result.content()).isEqualTo("Backup here");
		assertThat(backup.requests().getFirst().body()).contains("\"model\":\"model-b\"");
	}

	@Test
	void doesNotFallBackOnceTheFirstModelHasSpoken() {
		primary.enqueue(OpenAiWire.brokenStream("Half"));

		assertFails(() -> streamed(generations, request("openai/gpt-primary")), Reason.PROVIDER_ERROR);
		assertThat(backup.requestCount()).isZero();
	}

	private Generations generations(AiSettings overrides) {
		AiProperties settings = overrides.set("openai.api-key", "sk-test")
			.set("openai.base-url", primary.baseUrl() + "/v1")
			.set("providers.backup.base-url", backup.baseUrl() + "/v1")
			.set("timeouts.first-token", "3s")
			.set("timeouts.idle", "3s")
			.set("retry.initial-backoff", "20ms")
			.set("fallbacks[openai/gpt-primary]", "unknown/model,backup/model-b")
			.bind();
		ProviderRegistry providers = ProviderRegistry.of(ConfiguredProviders.create(settings, OutboundAddressGuard.standard()));
		ModelCatalogue catalogue = new ModelCatalogue(settings, providers);
		// Requests here are made for no user, so every call uses the server's key.
		CredentialResolver serverKeys = mock(CredentialResolver.class);
		when(serverKeys.resolve(any(), any())).thenReturn(new CredentialResolver.Resolved(null, KeySource.SERVER));
		return new Generations(catalogue,
				new ModelRouter(catalogue, providers, new ResilientCalls(breakers, settings), settings, serverKeys),
				new UserConcurrency(4), new GenerationMetering(event -> {
				}, Clock.systemUTC()), serverKeys, dev.parley.ai.quota.QuotaGate.UNLIMITED, null);
	}

	private static GenerationRequest request(String model) {
		return new GenerationRequest(null, model, List.of(PromptMessage.user("Hi")), null, null);
	}

	/** A streamed generation, awaited: what a client of a stream would end up with. */
	private static GenerationResult streamed(Generations generations, GenerationRequest request) {
		Recorder recorder = new Recorder();
		generations.start(request, recorder);
		await().until(() -> recorder.result.get() != null || recorder.failure.get() != null);
		if (recorder.failure.get() != null) {
			throw recorder.failure.get();
		}
		return recorder.result.get();
	}

	private static GenerationFailed assertFails(Runnable generation, Reason reason) {
		AtomicReference<GenerationFailed> failure = new AtomicReference<>();
		assertThatThrownBy(generation::run).isInstanceOfSatisfying(GenerationFailed.class, failed -> {
			assertThat(failed.reason()).isEqualTo(reason);
			failure.set(failed);
		});
		return failure.get();
	}

	/** One plain call to each fake, with no timeout of ours around it. */
	static final class ChatProviderWarmUp {

		static void run(FakeProvider... fakes) {
			for (FakeProvider fake : fakes) {
				AiProperties settings = AiSettings.of("openai.api-key", "sk-warm-up", "openai.base-url",
						fake.baseUrl() + "/v1").bind();
				ConfiguredProviders.create(settings, OutboundAddressGuard.standard())
					.getFirst()
					.stream(new ProviderCall("m", List.of(PromptMessage.user("hi")), null, 5, null, true))
					.blockLast(Duration.ofSeconds(30));
			}
		}
	}

	static final class Recorder implements GenerationObserver {

		final List<String> deltas = new CopyOnWriteArrayList<>();

		final AtomicReference<GenerationResult> result = new AtomicReference<>();

		final AtomicReference<GenerationFailed> failure = new AtomicReference<>();

		@Override
		public void onDelta(String text) {
			deltas.add(text);
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
