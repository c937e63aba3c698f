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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Measures each generation (latency, time to first token, tokens, cost) and publishes
 * {@link GenerationCompleted} when it ends. Its listeners (usage records) handle it synchronously,
 * each with a single statement that commits itself: no transaction around them, so that a
 * generation's end costs one database round trip. A listener that fails does not keep the answer
 * from its caller: the failure and the whole event are logged, so that the usage can be recovered.
 */
@Component
public class GenerationMetering {

	private static final Logger log = LoggerFactory.getLogger(GenerationMetering.class);

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public GenerationMetering(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Wraps an observer so the generation is measured; {@code onEnd} runs when it ends, before the
	 * observer hears of it.
	 */
	public GenerationObserver observe(GenerationRequest request, ModelInfo model, String keySource,
			GenerationObserver observer, Runnable onEnd, Function<String, ModelInfo> catalogue) {
		return new Metered(request, model, keySource, observer, onEnd, catalogue, clock.instant(), false);
	}

	/**
	 * Wraps the observer of a generation answered from the response cache: metered with the tokens
	 * the stored answer had, a cost of zero, and {@code cache_hit}.
	 */
	public GenerationObserver observeCacheHit(GenerationRequest request, ModelInfo model, String keySource,
			GenerationObserver observer, Function<String, ModelInfo> catalogue) {
		return new Metered(request, model, keySource, observer, () -> {
		}, catalogue, clock.instant(), true);
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
	 * Records a provider call that did not run through {@code Generations} (an embedding, a
	 * passed-through response) as a generation: its tokens and their cost by the model's price,
	 * published as {@link GenerationCompleted}.
	 * @param status {@code completed} or {@code failed}
	 */
	public void recordCall(UUID userId, ModelInfo model, String keySource, TokenUsage usage, Instant startedAt,
			String status) {
		Instant now = clock.instant();
		BigDecimal cost = model.pricing() == null ? null : model.pricing().cost(usage);
		publish(new GenerationCompleted(userId, null, model.id().toString(), model.id().provider(), keySource,
				usage.promptTokens(), usage.completionTokens(), cost, Duration.between(startedAt, now).toMillis(), null,
				status, now, CallingKey.of(userId)));
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

		/** Read on the thread that asks for the generation, where the caller is known. */
		private final @Nullable UUID apiKeyId;

		private final boolean cacheHit;

		private volatile @Nullable Instant firstTokenAt;

		Metered(GenerationRequest request, ModelInfo model, String keySource, GenerationObserver observer,
				Runnable onEnd, Function<String, ModelInfo> catalogue, Instant startedAt, boolean cacheHit) {
			this.cacheHit = cacheHit;
			this.request = request;
			this.model = model;
			this.keySource = keySource;
			this.observer = observer;
			this.onEnd = onEnd;
			this.catalogue = catalogue;
			this.startedAt = startedAt;
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
			record(result.model(), result.usage(), "completed");
			observer.onComplete(result);
		}

		@Override
		public void onFailure(GenerationFailed failure) {
			onEnd.run();
			String status = failure.reason() == GenerationFailed.Reason.CANCELLED ? "cancelled" : "failed";
			record(model.id().toString(), TokenUsage.NONE, status);
			observer.onFailure(failure);
		}

		private void record(String answeringModel, TokenUsage usage, String status) {
			if (request.userId() == null) {
				return;
			}
			Instant now = clock.instant();
			ModelInfo answering = answeringModel.equals(model.id().toString()) ? model : catalogue.apply(answeringModel);
			BigDecimal cost = cacheHit ? BigDecimal.ZERO
					: answering.pricing() == null ? null : answering.pricing().cost(usage);
			Long ttft = firstTokenAt == null ? null : Duration.between(startedAt, firstTokenAt).toMillis();
			publish(new GenerationCompleted(request.userId(), request.chatId(), answeringModel,
					ModelId.parse(answeringModel).provider(), keySource, usage.promptTokens(), usage.completionTokens(),
					cost, Duration.between(startedAt, now).toMillis(), ttft, status, now, apiKeyId, cacheHit));
		}
	}
}
