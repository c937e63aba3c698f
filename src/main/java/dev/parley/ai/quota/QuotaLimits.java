package dev.parley.ai.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * The limits of one quota; {@code null} is no limit. USD are counted in micro-dollars.
 *
 * @param tokensPerDay prompt and completion tokens per UTC day
 * @param tokensPerMonth prompt and completion tokens per UTC calendar month
 * @param usdMicrosPerDay cost per UTC day, in millionths of a dollar
 * @param usdMicrosPerMonth cost per UTC calendar month, in millionths of a dollar
 * @param requestsPerMinute generations started per UTC minute
 */
record QuotaLimits(@Nullable Long tokensPerDay, @Nullable Long tokensPerMonth, @Nullable Long usdMicrosPerDay,
		@Nullable Long usdMicrosPerMonth, @Nullable Long requestsPerMinute) {

	static long micros(BigDecimal usd) {
		return usd.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
	}

	static @Nullable BigDecimal usd(@Nullable Long micros) {
		if (micros == null) {
			return null;
		}
		BigDecimal usd = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
		return usd.scale() < 0 ? usd.setScale(0) : usd;
	}
}
