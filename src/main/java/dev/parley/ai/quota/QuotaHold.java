package dev.parley.ai.quota;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import dev.parley.ai.ForwardingObserver;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estimate one generation holds against its quotas. It is settled exactly once: with what the
 * generation used when it ends (nothing when it failed or was cancelled), or with nothing when it
 * never started. One that is never settled (its node crashed) lapses at its expiry.
 */
public final class QuotaHold {

	private static final Logger log = LoggerFactory.getLogger(QuotaHold.class);

	/** The hold of a generation no quota applies to: settling it does nothing. */
	public static final QuotaHold NONE = new QuotaHold(null, UUID.randomUUID(), List.of());

	private final @Nullable QuotaStore store;

	private final UUID id;

	private final List<QuotaCounter> counters;

	private final AtomicBoolean settled = new AtomicBoolean();

	QuotaHold(@Nullable QuotaStore store, UUID id, List<QuotaCounter> counters) {
		this.store = store;
		this.id = id;
		this.counters = counters;
	}

	/** Gives the whole estimate back: the generation it was taken for did not start. */
	public void release() {
		settle(0, BigDecimal.ZERO);
	}

	/**
	 * The observer, preceded by the settlement of this hold when the generation ends: with its usage
	 * priced as the model that answered ({@code catalogue}), or with nothing when it failed.
	 */
	public GenerationObserver settling(GenerationObserver observer, Function<String, ModelInfo> catalogue) {
		if (store == null) {
			return observer;
		}
		return new ForwardingObserver(observer) {

			@Override
			public void onComplete(GenerationResult result) {
				TokenUsage usage = result.usage();
				ModelInfo.Pricing pricing = catalogue.apply(result.model()).pricing();
				settle(usage.totalTokens(), pricing == null ? BigDecimal.ZERO : pricing.cost(usage));
				super.onComplete(result);
			}

			@Override
			public void onFailure(GenerationFailed failure) {
				release();
				super.onFailure(failure);
			}
		};
	}

	private void settle(long tokens, BigDecimal cost) {
		if (store == null || !settled.compareAndSet(false, true)) {
			return;
		}
		try {
			store.settle(id, counters, tokens, QuotaLimits.micros(cost));
		}
		catch (RuntimeException ex) {
			// The answer is not withheld for it; the hold lapses at its expiry, the usage goes uncounted.
			log.error("The quota hold {} was not settled with {} tokens and {} USD", id, tokens, cost, ex);
		}
	}
}
