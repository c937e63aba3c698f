package dev.parley.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A new password the {@link PasswordPolicy} accepts, checked with the request's other fields so
 * that a form hears about all of its mistakes at once. An absent password is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptablePassword {

	String message() default "is not an acceptable password";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Asks the policy, and answers with its reason (fixed text, never the password). */
	class Validator implements ConstraintValidator<AcceptablePassword, String> {

		private final PasswordPolicy policy;

		Validator(PasswordPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean isValid(@Nullable String password, ConstraintValidatorContext context) {
			if (password == null) {
				return true;
			}
			return policy.problem(password).map(reason -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
				return false;
			}).orElse(true);
		}
	}
}
