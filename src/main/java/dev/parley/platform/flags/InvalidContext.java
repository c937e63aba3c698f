package dev.parley.platform.flags;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An OFREP evaluation context with a field of the wrong kind (answered as {@code INVALID_CONTEXT}). */
class InvalidContext extends ParleyException {

	private final Map<String, String> fields;

	InvalidContext(String field, String reason) {
		super(ProblemKind.INVALID_REQUEST, field + " " + reason + ".");
		this.fields = Map.of(field, reason);
	}

	@Override
	public Map<String, String> invalidFields() {
		return fields;
	}
}
