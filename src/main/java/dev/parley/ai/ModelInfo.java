package dev.parley.ai;

import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * A model as the catalogue knows it.
 *
 * @param id its {@code provider/model} id
 * @param name a display name
 * @param development whether it is a built-in stand-in rather than a real model
 * @param contextWindow tokens of prompt and answer it takes
 * @param tools whether it can call tools
 * @param pricing what it costs, or {@code null} when unknown
 */
public record ModelInfo(ModelId id, String name, boolean development, int contextWindow, boolean tools,
		@Nullable Pricing pricing) {

	/** USD per million tokens. */
	public record Pricing(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {

		private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

		public BigDecimal cost(TokenUsage usage) {
			return inputPerMtok.multiply(BigDecimal.valueOf(usage.promptTokens()))
				.add(outputPerMtok.multiply(BigDecimal.valueOf(usage.completionTokens())))
				.divide(MILLION, MathContext.DECIMAL64);
		}
	}
}
