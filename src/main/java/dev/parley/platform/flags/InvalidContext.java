package dev.parley.platform.flags;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** An OFREP evaluation context with a field of the wrong kind (answered as {@code INVALID_CONTEXT}). */
class InvalidContext extends InvalidFields {

	InvalidContext(String field, String reason) {
		super(field + " " + reason + ".", Map.of(field, reason));
	}
}
