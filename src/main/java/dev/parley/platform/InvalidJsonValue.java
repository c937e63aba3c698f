package dev.parley.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed but refused while it is read (text PostgreSQL cannot store, a
 * time out of range). It knows the JSON path of the value, which the problem names as the field.
 */
class InvalidJsonValue extends MismatchedInputException {

	private final String field;

	private final String reason;

	InvalidJsonValue(JsonParser parser, String field, String reason, Class<?> targetType) {
		super(parser, (field.isEmpty() ? "body" : field) + " " + reason, targetType);
		this.field = field.isEmpty() ? "body" : field;
		this.reason = reason;
	}

	String field() {
		return field;
	}

	String reason() {
		return reason;
	}
}
