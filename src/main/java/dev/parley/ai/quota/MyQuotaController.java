package dev.parley.ai.quota;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own quota: the limits that apply to their requests (the strictest of their own, their
 * role's and, when asked with an API key, the key's), what they used of each, what remains, and
 * when each resets.
 */
@RestController
@Tag(name = "Quotas")
class MyQuotaController {

	private final QuotaDefinitions definitions;

	private final QuotaStore store;

	private final Clock clock;

	MyQuotaController(QuotaDefinitions definitions, QuotaStore store, Clock clock) {
		this.definitions = definitions;
		this.store = store;
		this.clock = clock;
	}

	@GetMapping("/api/v1/users/me/quota")
	@Operation(summary = "Your quota: limits, used, remaining and when each resets",
			description = "Each of limits, used and remaining has tokens_per_day, tokens_per_month, usd_per_day, "
					+ "usd_per_month and requests_per_minute; null where no limit applies. remaining also counts "
					+ "what generations under way hold. Periods are UTC calendar days, months and minutes.")
	QuotaStatus mine(@AuthenticationPrincipal AuthenticatedUser caller) {
		Instant now = clock.instant();
		EffectiveQuota quota = EffectiveQuota.of(definitions.all(), caller.id(), caller);
		List<QuotaCounter> counters = quota.counters(now);
		Map<String, QuotaStore.CounterUsage> usage = store.usage(counters, now);
		Field tokensPerDay = tightest(counters, usage, QuotaPeriod.day(now), QuotaCounter::tokensLimit,
				QuotaStore.CounterUsage::usedTokens, QuotaStore.CounterUsage::heldTokens);
		Field tokensPerMonth = tightest(counters, usage, QuotaPeriod.month(now), QuotaCounter::tokensLimit,
				QuotaStore.CounterUsage::usedTokens, QuotaStore.CounterUsage::heldTokens);
		Field usdPerDay = tightest(counters, usage, QuotaPeriod.day(now), QuotaCounter::usdMicrosLimit,
				QuotaStore.CounterUsage::usedUsdMicros, QuotaStore.CounterUsage::heldUsdMicros);
		Field usdPerMonth = tightest(counters, usage, QuotaPeriod.month(now), QuotaCounter::usdMicrosLimit,
				QuotaStore.CounterUsage::usedUsdMicros, QuotaStore.CounterUsage::heldUsdMicros);
		Field requestsPerMinute = tightest(counters, usage, QuotaPeriod.minute(now), QuotaCounter::requestsLimit,
				QuotaStore.CounterUsage::requests, held -> 0L);
		return new QuotaStatus(
				new Amounts(tokensPerDay.limit, tokensPerMonth.limit, QuotaLimits.usd(usdPerDay.limit),
						QuotaLimits.usd(usdPerMonth.limit), requestsPerMinute.limit),
				new Amounts(tokensPerDay.used, tokensPerMonth.used, QuotaLimits.usd(usdPerDay.used),
						QuotaLimits.usd(usdPerMonth.used), requestsPerMinute.used),
				new Amounts(tokensPerDay.remaining, tokensPerMonth.remaining, QuotaLimits.usd(usdPerDay.remaining),
						QuotaLimits.usd(usdPerMonth.remaining), requestsPerMinute.remaining),
				new Resets(QuotaPeriod.day(now).end(), QuotaPeriod.month(now).end(), QuotaPeriod.day(now).end(),
						QuotaPeriod.month(now).end(), QuotaPeriod.minute(now).end()));
	}

	/** Of the counters of this period with this kind of limit, the one with the least left. */
	private static Field tightest(List<QuotaCounter> counters, Map<String, QuotaStore.CounterUsage> usage,
			QuotaPeriod period, Function<QuotaCounter, @Nullable Long> limitOf,
			Function<QuotaStore.CounterUsage, Long> usedOf, Function<QuotaStore.CounterUsage, Long> heldOf) {
		Field tightest = Field.UNLIMITED;
		for (QuotaCounter counter : counters) {
			Long limit = limitOf.apply(counter);
			if (limit == null || !counter.key().endsWith(":" + period.suffix())) {
				continue;
			}
			QuotaStore.CounterUsage counted = usage.getOrDefault(counter.key(), QuotaStore.CounterUsage.NONE);
			long used = usedOf.apply(counted);
			long remaining = Math.max(0, limit - used - heldOf.apply(counted));
			if (tightest.remaining == null || remaining < tightest.remaining) {
				tightest = new Field(limit, used, remaining);
			}
		}
		return tightest;
	}

	private record Field(@Nullable Long limit, @Nullable Long used, @Nullable Long remaining) {

		static final Field UNLIMITED = new Field(null, null, null);
	}

	/** One number per limit; {@code null} where no limit applies. */
	record Amounts(@Nullable Long tokensPerDay, @Nullable Long tokensPerMonth, @Nullable BigDecimal usdPerDay,
			@Nullable BigDecimal usdPerMonth, @Nullable Long requestsPerMinute) {
	}

	/** When each limit's period ends (UTC). */
	record Resets(Instant tokensPerDay, Instant tokensPerMonth, Instant usdPerDay, Instant usdPerMonth,
			Instant requestsPerMinute) {
	}

	/** The caller's quota now. */
	record QuotaStatus(Amounts limits, Amounts used, Amounts remaining, Resets resetsAt) {
	}
}
