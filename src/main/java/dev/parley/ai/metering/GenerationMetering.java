package dev.parley.ai.metering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import dev.parley.ai.GenerationCompleted;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.ToolCall;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ModelId;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.TokenUsage;
import dev.parley.platform.Traces;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Measures each generation (latency, time to first token, tokens, cost) and publishes
 * {@link GenerationCompleted} when it ends. Its listeners (usage records) handle it synchronously,
 * each with a single statement that commits itself: no transaction around them, so that a
 * generation's end costs one database round trip. A listener that fails does not keep the answer
 * from its caller: the failure and the whole event are logged, so that the usage can be recovered.
 * When tracing is on, each provider call is also a span ({@link GenerationSpan}) from its start to
 * the end of its answer.
 */
@Component
public class GenerationMetering {

	private static final Logger log = LoggerFactory.getLogger(GenerationMetering.class);

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObservationRegistry observations;

	/** Metering without spans: for objects built by hand. */
	public GenerationMetering(ApplicationEventPublisher events, Clock clock) {
		this(events, clock, Traces.off());
	}

	@Autowired
	public GenerationMetering(ApplicationEventPublisher events, Clock clock, Traces traces) {
		this.events = events;
		this.clock = clock;
		this.observations = traces.registry();
	}

	/**
	 * Wraps an observer so the generation is measured; {@code onEnd} runs when it ends, before the
	 * observer hears of it.
	 */
	public GenerationObserver observe(GenerationRequest request, ModelInfo model, String keySource,
			GenerationObserver observer, Runnable onEnd, Function<String, ModelInfo> catalogue) {
		return observe("chat", request, model, keySource, observer, onEnd, catalogue);
	}

	/**
	 * As {@link #observe(GenerationRequest, ModelInfo, String, GenerationObserver, Runnable, Function)}
	 * for a call of another kind.
	 * @param operation what the call does, as the GenAI conventions name it: {@code chat}, {@code embeddings}
	 */
	public GenerationObserver observe(String operation, GenerationRequest request, ModelInfo model, String keySource,
			GenerationObserver observer, Runnable onEnd, Function<String, ModelInfo> catalogue) {
		return new Metered(request, model, keySource, observer, onEnd, catalogue, clock.instant(),
				GenerationSpan.start(observations, operation, model, keySource), false);
	}

	/**
	 * Wraps the observer of a generation answered from the response cache: metered with the tokens
	 * the stored answer had, a cost of zero, and {@code cache_hit}. No provider is called, so there
	 * is no provider span.
	 */
	public GenerationObserver observeCacheHit(GenerationRequest request, ModelInfo model, String keySource,
			GenerationObserver observer, Function<String, ModelInfo> catalogue) {
		return new Metered(request, model, keySource, observer, () -> {
		}, catalogue, clock.instant(), GenerationSpan.start(ObservationRegistry.NOOP, "chat", model, keySource), true);
	}

	/**
	 * Records a passed-through response answered from the response cache: its tokens, no cost, as
	 * {@link GenerationCompleted} with {@code cacheHit}.
	 */
	public void recordCacheHit(UUID userId, ModelInfo model, String keySource, TokenUsage usage, Instant startedAt) {
		Instant now = clock.instant();
		publish(new GenerationCompleted(userId, null, model.id().toString(), model.id().provider(), keySource,
				usage.promptTokens(), usage.completionTokens(), BigDecimal.ZERO,
				Duration.between(startedAt, now).toMillis(), null, "completed", now, CallingKey.of(userId), true));
	}

	/**
	 * Starts measuring a provider call that does not run through {@code Generations} (an embedding, a
	 * passed-through response); {@link Call#end} records it.
	 * @param operation {@code chat} or {@code embeddings}
	 */
	public Call startCall(UUID userId, ModelInfo model, String keySource, String operation) {
		return new Call(userId, model, keySource, clock.instant(), GenerationSpan.start(observations, operation, model,
				keySource));
	}

	/** A provider call under way that did not run through {@code Generations}. */
	public final class Call {

		private final UUID userId;

		private final ModelInfo model;

		private final String keySource;

		private final Instant startedAt;

		private final GenerationSpan span;

		private Call(UUID userId, ModelInfo model, String keySource, Instant startedAt, GenerationSpan span) {
			this.userId = userId;
			this.model = model;
			this.keySource = keySource;
			this.startedAt = startedAt;
			this.span = span;
		}

		/**
		 * Records the call as a generation: its tokens and their cost by the model's price, published
		 * as {@link GenerationCompleted}.
		 * @param status {@code completed}, {@code failed} or {@code cancelled}
		 */
		public void end(TokenUsage usage, String status) {
			Instant now = clock.instant();
			BigDecimal cost = model.pricing() == null ? null : model.pricing().cost(usage);
			switch (status) {
				case "completed" -> span.completed(model.id().toString(), usage, cost, null);
				case "cancelled" -> span.failed(
						new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The provider call was cancelled."));
				default -> span.failed(
						new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The provider call failed."));
			}
			publish(new GenerationCompleted(userId, null, model.id().toString(), model.id().provider(), keySource,
					usage.promptTokens(), usage.completionTokens(), cost, Duration.between(startedAt, now).toMillis(),
					null, status, now, CallingKey.of(userId)));
		}
	}

	private void publish(GenerationCompleted event) {
		try {
			events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			log.error("The usage of a generation was not recorded: {}", event, ex);
		}
	}

	private final class Metered implements GenerationObserver {

		private final GenerationRequest request;

		private final ModelInfo model;

		private final String keySource;

		private final GenerationObserver observer;

		private final Runnable onEnd;

		private final Function<String, ModelInfo> catalogue;

		private final Instant startedAt;

		private final GenerationSpan span;

		private final boolean cacheHit;

		/** Read on the thread that asks for the generation, where the caller is known. */
		private final @Nullable UUID apiKeyId;

		private volatile @Nullable Instant firstTokenAt;

		Metered(GenerationRequest request, ModelInfo model, String keySource, GenerationObserver observer,
				Runnable onEnd, Function<String, ModelInfo> catalogue, Instant startedAt, GenerationSpan span,
				boolean cacheHit) {
			this.cacheHit = cacheHit;
			this.request = request;
			this.model = model;
			this.keySource = keySource;
			this.observer = observer;
			this.onEnd = onEnd;
			this.catalogue = catalogue;
			this.startedAt = startedAt;
			this.span = span;
			this.apiKeyId = CallingKey.of(request.userId());
		}

		@Override
		public void onDelta(String text) {
			if (firstTokenAt == null) {
				firstTokenAt = clock.instant();
			}
			observer.onDelta(text);
		}

		@Override
		public void onToolCall(ToolCall call) {
			if (firstTokenAt == null) {
				firstTokenAt = clock.instant();
			}
			observer.onToolCall(call);
		}

		@Override
		public void onComplete(GenerationResult result) {
			onEnd.run();
			// Internal generations (no user) are neither metered nor, unless traced, priced.
			BigDecimal cost = request.userId() == null && !span.recording() ? null : cost(result.model(), result.usage());
			span.completed(result.model(), result.usage(), cost, result.finishReason());
			record(result.model(), result.usage(), cost, "completed");
			observer.onComplete(result);
		}

		@Override
		public void onFailure(GenerationFailed failure) {
			onEnd.run();
			span.failed(failure);
			String status = failure.reason() == GenerationFailed.Reason.CANCELLED ? "cancelled" : "failed";
			record(model.id().toString(), TokenUsage.NONE, cost(model.id().toString(), TokenUsage.NONE), status);
			observer.onFailure(failure);
		}

		private @Nullable BigDecimal cost(String answeringModel, TokenUsage usage) {
			if (cacheHit) {
				return BigDecimal.ZERO;
			}
			ModelInfo answering = answeringModel.equals(model.id().toString()) ? model : catalogue.apply(answeringModel);
			return answering.pricing() == null ? null : answering.pricing().cost(usage);
		}

		private void record(String answeringModel, TokenUsage usage, @Nullable BigDecimal cost, String status) {
			if (request.userId() == null) {
				return;
			}
			Instant now = clock.instant();
			Long ttft = firstTokenAt == null ? null : Duration.between(startedAt, firstTokenAt).toMillis();
			publish(new GenerationCompleted(request.userId(), request.chatId(), answeringModel,
					ModelId.parse(answeringModel).provider(), keySource, usage.promptTokens(), usage.completionTokens(),
					cost, Duration.between(startedAt, now).toMillis(), ttft, status, now, apiKeyId, cacheHit));
		}
	}
}
