package dev.parley.ai.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.GenerationCompleted;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ModelId;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.platform.Traces;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

class GenerationMeteringTests {

	private static final ModelInfo MODEL = new ModelInfo(ModelId.parse("openai/gpt-4o-mini"), "GPT-4o mini", false,
			128_000, true, null);

	private static final GenerationRequest REQUEST = new GenerationRequest(UUID.randomUUID(), "openai/gpt-4o-mini",
			List.of(PromptMessage.user("Hi")), null, null);

	@Test
	void publishesTheUsageOfACompletedGeneration() {
		List<Object> published = new ArrayList<>();
		GenerationMetering metering = new GenerationMetering(published::add, Clock.systemUTC());

		metering.observe(REQUEST, MODEL, "server", new Recorder(), () -> {
		}, id -> MODEL).onComplete(new GenerationResult("openai/gpt-4o-mini", "Hello", "stop", new TokenUsage(7, 2)));

		assertThat(published).singleElement().isInstanceOfSatisfying(GenerationCompleted.class, event -> {
			assertThat(event.userId()).isEqualTo(REQUEST.userId());
			assertThat(event.promptTokens()).isEqualTo(7);
			assertThat(event.completionTokens()).isEqualTo(2);
			assertThat(event.status()).isEqualTo("completed");
		});
	}

	@Test
	void aFailureToRecordTheUsageDoesNotKeepTheAnswerFromItsCaller() {
		GenerationMetering metering = new GenerationMetering(event -> {
			throw new IllegalStateException("the database is gone");
		}, Clock.systemUTC());
		Recorder caller = new Recorder();
		GenerationResult answer = new GenerationResult("openai/gpt-4o-mini", "Hello", "stop", new TokenUsage(7, 2));

		metering.observe(REQUEST, MODEL, "server", caller, () -> {
		}, id -> MODEL).onComplete(answer);

		assertThat(caller.result.get()).isEqualTo(answer);
	}

	@Test
	void theSpanOfAStreamedCallEndsWithTheStreamWithItsUsage() {
		Spans spans = new Spans();
		GenerationMetering metering = new GenerationMetering(event -> {
		}, Clock.systemUTC(), Traces.in(spans.registry()));

		GenerationObserver streaming = metering.observe(REQUEST, MODEL, "server", new Recorder(), () -> {
		}, id -> MODEL);
		streaming.onDelta("Hel");

		assertThat(spans.started).singleElement()
			.satisfies(span -> assertThat(span.getContextualName()).isEqualTo("chat gpt-4o-mini"));
		assertThat(spans.stopped).isEmpty();

		streaming.onComplete(new GenerationResult("openai/gpt-4o-mini", "Hello", "stop", new TokenUsage(7, 2)));

		Observation.Context span = spans.stopped.getFirst();
		assertThat(span.getLowCardinalityKeyValue("gen_ai.provider.name").getValue()).isEqualTo("openai");
		assertThat(span.getLowCardinalityKeyValue("gen_ai.request.model").getValue()).isEqualTo("gpt-4o-mini");
		assertThat(span.getHighCardinalityKeyValue("gen_ai.usage.input_tokens").getValue()).isEqualTo("7");
		assertThat(span.getHighCardinalityKeyValue("gen_ai.usage.output_tokens").getValue()).isEqualTo("2");
		assertThat(span.getError()).isNull();
	}

	@Test
	void aFailedCallIsAnErrorSpanAndACancelledOneIsNot() {
		Spans spans = new Spans();
		GenerationMetering metering = new GenerationMetering(event -> {
		}, Clock.systemUTC(), Traces.in(spans.registry()));

		metering.observe(REQUEST, MODEL, "server", new Recorder(), () -> {
		}, id -> MODEL).onFailure(new GenerationFailed(GenerationFailed.Reason.TIMEOUT, "The provider did not answer."));
		metering.observe(REQUEST, MODEL, "server", new Recorder(), () -> {
		}, id -> MODEL).onFailure(new GenerationFailed(GenerationFailed.Reason.CANCELLED, "Cancelled."));

		assertThat(spans.stopped).hasSize(2);
		assertThat(spans.stopped.get(0).getError()).isInstanceOf(GenerationFailed.class);
		assertThat(spans.stopped.get(0).getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("timeout");
		assertThat(spans.stopped.get(1).getError()).isNull();
		assertThat(spans.stopped.get(1).getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("cancelled");
	}

	/** An observation handler that keeps what it saw. */
	private static final class Spans implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> started = new ArrayList<>();

		final List<Observation.Context> stopped = new ArrayList<>();

		ObservationRegistry registry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(this);
			return registry;
		}

		@Override
		public void onStart(Observation.Context context) {
			started.add(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}
	}

	private static final class Recorder implements GenerationObserver {

		final AtomicReference<GenerationResult> result = new AtomicReference<>();

		@Override
		public void onDelta(String text) {
		}

		@Override
		public void onComplete(GenerationResult generation) {
			result.set(generation);
		}

		@Override
		public void onFailure(GenerationFailed failure) {
		}
	}
}
