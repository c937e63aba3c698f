package dev.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A {@link JsonDocument} whose JSON, as stored, is at most {@link #bytes()} bytes of UTF-8. An
 * absent document is valid.
 */
@Documented
@Constraint(validatedBy = MaxJsonSizeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxJsonSize {

	int bytes();

	String message() default "must be at most {bytes} bytes of JSON";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
