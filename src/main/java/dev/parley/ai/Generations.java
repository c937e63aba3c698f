package dev.parley.ai;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;

/**
 * Runs generations: picks the model, streams the answer to an observer, and reports exactly one
 * ending. Provider calls go through timeouts, retries, a circuit breaker per provider and the
 * model's fallbacks ({@link ModelRouter}). The module's API for everything that needs a model to
 * speak.
 */
@Service
public class Generations {

	private final ModelCatalogue catalogue;

	private final ModelRouter router;

	Generations(ModelCatalogue catalogue, ModelRouter router) {
		this.catalogue = catalogue;
		this.router = router;
	}

	/** The model a request would use, checked: an unknown one fails here, before anything is stored. */
	public String resolveModel(String requested) {
		return catalogue.resolve(requested).id().toString();
	}

	/** Starts a streamed generation; the observer hears its deltas and its end. */
	public Generation start(GenerationRequest request, GenerationObserver observer) {
		ModelInfo model = catalogue.resolve(request.model());
		Run run = new Run(model.id().toString(), observer);
		Disposable subscription = router.stream(model, request).subscribe(run::answer, run::error, run::complete);
		return () -> {
			subscription.dispose();
			run.end(null, new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The generation was cancelled."));
		};
	}

	/** Generates a whole answer, blocking until it is there. */
	public GenerationResult generate(GenerationRequest request) {
		CompletableFuture<GenerationResult> result = new CompletableFuture<>();
		start(request, new GenerationObserver() {

			@Override
			public void onDelta(String text) {
			}

			@Override
			public void onComplete(GenerationResult generation) {
				result.complete(generation);
			}

			@Override
			public void onFailure(GenerationFailed failure) {
				result.completeExceptionally(failure);
			}
		});
		try {
			return result.join();
		}
		catch (CompletionException ex) {
			throw (GenerationFailed) ex.getCause();
		}
	}

	/** One generation's accumulated state; guarantees a single ending. */
	private static final class Run {

		private final AtomicReference<String> model;

		private final GenerationObserver observer;

		private final StringBuilder content = new StringBuilder();

		private final AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);

		private final AtomicReference<String> finishReason = new AtomicReference<>("stop");

		private final AtomicBoolean ended = new AtomicBoolean();

		Run(String model, GenerationObserver observer) {
			this.model = new AtomicReference<>(model);
			this.observer = observer;
		}

		void answer(ModelRouter.Answer answer) {
			model.set(answer.model());
			chunk(answer.chunk());
		}

		void chunk(ProviderChunk chunk) {
			if (chunk.text() != null && !chunk.text().isEmpty() && !ended.get()) {
				content.append(chunk.text());
				observer.onDelta(chunk.text());
			}
			if (chunk.finishReason() != null) {
				finishReason.set(chunk.finishReason());
			}
			if (chunk.usage() != null) {
				usage.set(chunk.usage());
			}
		}

		void error(Throwable error) {
			end(null, classify(error));
		}

		void complete() {
			end(new GenerationResult(model.get(), content.toString(), finishReason.get(), usage.get()), null);
		}

		void end(GenerationResult result, GenerationFailed failure) {
			if (!ended.compareAndSet(false, true)) {
				return;
			}
			if (failure != null) {
				observer.onFailure(failure);
			}
			else {
				observer.onComplete(result);
			}
		}

		private static GenerationFailed classify(Throwable error) {
			if (error instanceof GenerationFailed failed) {
				return failed;
			}
			if (error instanceof ProviderError providerError && !providerError.retryable()) {
				return new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
						"The provider refused the request (HTTP " + providerError.status() + ").");
			}
			return new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The provider failed to answer.");
		}
	}
}
