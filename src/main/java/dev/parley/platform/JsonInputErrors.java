package dev.parley.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The field a request body that could not be read is wrong in, if it is well-formed JSON with a
 * refused value: a value of the wrong type ({@code {"title": 5}}), text PostgreSQL cannot store, a
 * time out of range. The problem handlers of {@code /api} and {@code /v1} both name it.
 */
public final class JsonInputErrors {

	private JsonInputErrors() {
	}

	/** The field at fault and what is wrong with it, or empty when the body is not JSON at all. */
	public static Optional<Problems.FieldError> fieldError(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidJsonValue invalid) {
				return Optional.of(new Problems.FieldError(invalid.field(), invalid.reason()));
			}
			if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
				return Optional.of(new Problems.FieldError(JsonPaths.of(mismatch.getPath()),
						expected(mismatch.getTargetType())));
			}
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return Optional.of(new Problems.FieldError(JsonPaths.of(databind.getPath()), "has an invalid value"));
			}
		}
		return Optional.empty();
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null || JsonNode.class.isAssignableFrom(type)) {
			return "has the wrong type";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
				|| type == BigDecimal.class) {
			return "must be a number";
		}
		if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 time such as 2026-11-01T00:00:00Z";
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type.isEnum()) {
			return "has an invalid value";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be an array";
		}
		return "must be an object";
	}
}
