package dev.parley.catalog;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount in a currency (ISO 4217 code). The amount is a decimal, never a binary float, with
 * at most the currency's minor digits (2 for EUR, 0 for JPY, 3 for BHD); it is sent as a decimal
 * string ({@code "19.99"}) so no client parses it into a float.
 */
public record Money(BigDecimal amount, String currency) {

	/** The amount without trailing zeros beyond the currency's minor digits: 19.9 EUR reads "19.90". */
	public String amountText() {
		int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		BigDecimal plain = amount.stripTrailingZeros();
		return (plain.scale() < digits ? plain.setScale(digits) : plain).toPlainString();
	}
}
