package dev.parley.ai;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.parley.ai.cache.CacheKey;
import dev.parley.ai.cache.CachedAnswer;
import dev.parley.ai.cache.ResponseCache;
import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.credentials.KeySource;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.quota.QuotaGate;
import dev.parley.ai.quota.QuotaHold;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;

/**
 * Runs generations: picks the model, streams the answer to an observer, and reports exactly one
 * ending. The request's tools are offered to the model; each tool call it makes is heard as soon as
 * it is complete ({@link GenerationObserver#onToolCall}) and is in the result, which then finishes
 * with {@code tool_calls}. Running the tools is the caller's business. Provider calls go through timeouts, retries, a circuit breaker per model and endpoint and the
 * model's fallbacks ({@link ModelRouter}). Before the provider is called, each generation is admitted
 * within its user's quotas ({@link QuotaGate}: its estimate held, settled at its actual usage when
 * it ends). A request that asks for the response cache ({@link GenerationRequest#cache()}) is
 * answered from it, without a provider call, a place or a quota, when an identical one was answered
 * before; else its answer is stored there before its observer hears it. The module's API for
 * everything that needs a model to speak.
 */
@Service
public class Generations {

	private final ModelCatalogue catalogue;

	private final ModelRouter router;

	private final UserConcurrency concurrency;

	private final GenerationMetering metering;

	private final CredentialResolver credentials;

	private final QuotaGate quotas;

	private final ResponseCache cache;

	Generations(ModelCatalogue catalogue, ModelRouter router, UserConcurrency concurrency,
			GenerationMetering metering, CredentialResolver credentials, QuotaGate quotas, ResponseCache cache) {
		this.quotas = quotas;
		this.cache = cache;
		this.catalogue = catalogue;
		this.router = router;
		this.concurrency = concurrency;
		this.metering = metering;
		this.credentials = credentials;
	}

	/**
	 * Takes one of the user's places for a generation; generations for no user (internal ones) are
	 * not capped.
	 * @throws TooManyGenerations when the user already has as many running as allowed
	 */
	public GenerationSlot reserve(@Nullable UUID userId) {
		return new GenerationSlot(concurrency.acquire(userId)::release, QuotaGate.currentCaller(userId));
	}

	/** The model a request would use, checked: an unknown one fails here, before anything is stored. */
	public String resolveModel(@Nullable String requested) {
		return model(requested).id().toString();
	}

	/** What the catalogue knows of the model a request would use (context window, price). */
	public ModelInfo model(@Nullable String requested) {
		return catalogue.resolve(requested);
	}

	/**
	 * Resolves the model a request would use and the user's credential for its provider, once, before
	 * anything is stored.
	 * @throws UnknownModel for a model this server does not know
	 * @throws dev.parley.ai.credentials.OwnKeyRequired when the user needs a key of their own and has none
	 */
	public PreparedModel prepare(@Nullable UUID userId, @Nullable String requested) {
		ModelInfo model = catalogue.resolve(requested);
		return new PreparedModel(model, userId, credentials.resolve(userId, model.id().provider()));
	}

	/** Starts a streamed generation in a place it takes now; the observer hears its deltas and its end. */
	public Generation start(GenerationRequest request, GenerationObserver observer) {
		return start(request, observer, null, true, null);
	}

	/**
	 * Starts a streamed generation in a place taken earlier with {@link #reserve}, which it gives back
	 * when it ends, or at once when it cannot start.
	 */
	public Generation start(GenerationRequest request, GenerationObserver observer, GenerationSlot slot) {
		return start(request, observer, slot, true, null);
	}

	/**
	 * As {@link #start(GenerationRequest, GenerationObserver, GenerationSlot)}, with the model and
	 * credential {@link #prepare prepared} for this user: neither is resolved again. The request's
	 * model is the prepared one.
	 */
	public Generation start(GenerationRequest request, GenerationObserver observer, GenerationSlot slot,
			PreparedModel prepared) {
		return start(request, observer, slot, prepared, true);
	}

	/**
	 * As {@link #start(GenerationRequest, GenerationObserver, GenerationSlot, PreparedModel)}; with
	 * {@code streamed} false the provider is asked for the whole answer at once, which the observer
	 * hears as one delta (for a caller that waits for the whole answer: the provider's stream costs
	 * several times the CPU of one response).
	 */
	public Generation start(GenerationRequest request, GenerationObserver observer, GenerationSlot slot,
			PreparedModel prepared, boolean streamed) {
		if (!java.util.Objects.equals(prepared.userId(), request.userId())) {
			slot.release();
			throw new IllegalArgumentException("The model was prepared for another user");
		}
		return start(request, observer, slot, streamed, prepared);
	}

	private Generation start(GenerationRequest request, GenerationObserver caller, @Nullable GenerationSlot reserved,
			boolean streamed, @Nullable PreparedModel prepared) {
		ModelInfo model;
		KeySource keySource;
		GenerationSlot slot = reserved;
		QuotaHold quota;
		GenerationObserver observer = caller;
		CacheKey cacheKey = null;
		try {
			model = prepared != null ? prepared.model() : catalogue.resolve(request.model());
			// Fails here, before any provider call, when the user needs a key of their own and has none.
			keySource = prepared != null ? prepared.credential().source()
					: credentials.resolve(request.userId(), model.id().provider()).source();
			if (request.cache() != null) {
				cacheKey = CacheKey.of(request, model.id().toString());
				java.util.Optional<CachedAnswer> hit = cache.find(cacheKey);
				if (hit.isPresent()) {
					if (slot != null) {
						slot.release();
					}
					return replay(request, model, keySource, hit.get(), caller);
				}
				observer = cache.storing(cacheKey, request.userId(), request.cache().ttlSeconds(), caller);
			}
			if (slot == null) {
				slot = reserve(request.userId());
			}
			// The estimate is held before the provider is called; the hold settles when the generation ends.
			quota = quotas.admit(slot.caller() != null ? slot.caller() : QuotaGate.currentCaller(request.userId()),
					request, model);
		}
		catch (RuntimeException ex) {
			if (slot != null) {
				slot.release();
			}
			throw ex;
		}
		GenerationRun run = new GenerationRun(model.id().toString(), metering.observe(request, model,
				keySource.name().toLowerCase(java.util.Locale.ROOT), quota.settling(observer, catalogue::resolve),
				slot::release, catalogue::resolve));
		Disposable subscription;
		try {
			subscription = router.stream(model, request, streamed, prepared == null ? null : prepared.credential())
				.subscribe(run::answer, run::error, run::complete);
		}
		catch (RuntimeException ex) {
			run.error(ex);
			throw ex;
		}
		CacheStatus status = cacheKey == null ? null : CacheStatus.MISS;
		return new Generation() {

			@Override
			public void cancel() {
				subscription.dispose();
				// The ending is stored and metered on a thread of its own: the canceller may be a request
				// thread that the container has interrupted, on which no database call would succeed.
				Thread.ofVirtual()
					.name("generation-cancelled")
					.start(() -> run.end(null,
							new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The generation was cancelled.")));
			}

			@Override
			public @Nullable CacheStatus cacheStatus() {
				return status;
			}
		};
	}

	/** Answers from the cache, metered as a cache hit: the tokens the stored answer had, no cost. */
	private Generation replay(GenerationRequest request, ModelInfo model, KeySource keySource, CachedAnswer answer,
			GenerationObserver observer) {
		return cache.replay(answer, metering.observeCacheHit(request, model,
				keySource.name().toLowerCase(java.util.Locale.ROOT), observer, catalogue::resolve));
	}

	/**
	 * Generates a whole answer, blocking until it is there. The provider is asked for the whole
	 * answer at once rather than a stream.
	 */
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
		}, null, false, null);
		try {
			return result.join();
		}
		catch (CompletionException ex) {
			throw (GenerationFailed) ex.getCause();
		}
	}
}
