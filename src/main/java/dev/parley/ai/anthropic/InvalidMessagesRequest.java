package dev.parley.ai.anthropic;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A messages request that is well-formed JSON but asks for something Parley cannot do, naming the field at fault. */
class InvalidMessagesRequest extends InvalidFields {

	InvalidMessagesRequest(String field, String message) {
		super(message, Map.of(field, message));
	}
}
