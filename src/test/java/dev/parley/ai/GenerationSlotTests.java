package dev.parley.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.credentials.KeySource;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.provider.EchoProvider;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.resilience.ResilientCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

/** A user's places for generations: taken before anything is stored, given back on every path. */
class GenerationSlotTests {

	private final AiProperties settings = AiSettings.of().bind();

	private final ProviderRegistry providers = ProviderRegistry.of(List.of(new EchoProvider(Duration.ZERO)));

	private final ModelCatalogue catalogue = new ModelCatalogue(settings, providers);

	private final CredentialResolver credentials = mock(CredentialResolver.class);

	private final Generations generations = new Generations(catalogue,
			new ModelRouter(catalogue, providers, new ResilientCalls(CircuitBreakerRegistry.ofDefaults(), settings),
					settings, credentials),
			new UserConcurrency(1), new GenerationMetering(event -> {
			}, Clock.systemUTC()), credentials, dev.parley.ai.quota.QuotaGate.UNLIMITED, null);

	private final UUID ada = UUID.randomUUID();

	@Test
	void aPlaceIsTakenOnceAndGivenBackWhenItsGenerationEnds() {
		when(credentials.resolve(any(), any())).thenReturn(new CredentialResolver.Resolved(null, KeySource.SERVER));
		GenerationSlot slot = generations.reserve(ada);
		assertThatThrownBy(() -> generations.reserve(ada)).isInstanceOf(TooManyGenerations.class);

		Ending ending = new Ending();
		generations.start(request(), ending, slot);

		assertThat(ending.join().content()).isEqualTo("Echo: hi");
		assertThatCode(() -> generations.reserve(ada)).doesNotThrowAnyException();
	}

	@Test
	void aGenerationThatCannotStartGivesItsPlaceBack() {
		when(credentials.resolve(any(), any())).thenThrow(new IllegalStateException("no key for you"));

		for (int i = 0; i < 3; i++) {
			GenerationSlot slot = generations.reserve(ada);
			assertThatThrownBy(() -> generations.start(request(), new Ending(), slot)).hasMessage("no key for you");
		}

		assertThatCode(() -> generations.reserve(ada)).doesNotThrowAnyException();
	}

	@Test
	void aPlaceGivenBackTwiceFreesOnlyOne() {
		GenerationSlot slot = generations.reserve(ada);
		slot.release();
		slot.release();

		generations.reserve(ada);
		assertThatThrownBy(() -> generations.reserve(ada)).isInstanceOf(TooManyGenerations.class);
	}

	private GenerationRequest request() {
		return new GenerationRequest(ada, "local/echo", List.of(PromptMessage.user("hi")), null, null);
	}

	private static final class Ending extends CompletableFuture<GenerationResult> implements GenerationObserver {

		@Override
		public void onDelta(String text) {
		}

		@Override
		public void onComplete(GenerationResult result) {
			complete(result);
		}

		@Override
		public void onFailure(GenerationFailed failure) {
			completeExceptionally(failure);
		}
	}
}
