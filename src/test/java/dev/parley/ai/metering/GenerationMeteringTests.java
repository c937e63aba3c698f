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
