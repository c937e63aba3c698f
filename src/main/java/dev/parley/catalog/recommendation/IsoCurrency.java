package dev.parley.catalog.recommendation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The value is an ISO 4217 currency code in capitals ({@code EUR}); {@code null} passes. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Validator.class)
@interface IsoCurrency {

	String message() default "must be an ISO 4217 currency code in capitals, such as EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the code against the JDK's currencies. */
	class Validator implements ConstraintValidator<IsoCurrency, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (!value.matches("[A-Z]{3}")) {
				return false;
			}
			try {
				Currency.getInstance(value);
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
	}
}
