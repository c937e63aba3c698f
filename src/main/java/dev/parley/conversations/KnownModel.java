package dev.parley.conversations;

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
 * A model id the server offers ({@link KnownModels}), checked with the request's other fields. An
 * absent or blank one is valid: it means the default, or clears the chat's model.
 */
@Documented
@Constraint(validatedBy = KnownModel.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownModel {

	String message() default "is not a model this server offers: use provider/model as GET /api/v1/ai/models lists them";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Asks the port; the client's text never goes into the message. */
	class Validator implements ConstraintValidator<KnownModel, String> {

		private final KnownModels models;

		Validator(KnownModels models) {
			this.models = models;
		}

		@Override
		public boolean isValid(@Nullable String model, ConstraintValidatorContext context) {
			return model == null || model.isBlank() || models.isKnown(model.trim());
		}
	}
}
