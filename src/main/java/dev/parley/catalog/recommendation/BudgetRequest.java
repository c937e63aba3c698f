package dev.parley.catalog.recommendation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A budget: only products priced in this currency at or under the amount. */
record BudgetRequest(@NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal amount,
		@NotNull @IsoCurrency String currency) {
}
