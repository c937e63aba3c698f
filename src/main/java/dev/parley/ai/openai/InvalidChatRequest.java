package dev.parley.ai.openai;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A chat completion request that is well-formed JSON but asks for something Parley cannot do. */
class InvalidChatRequest extends InvalidFields {

	InvalidChatRequest(String param, String message) {
		super(message, Map.of(param, message));
	}
}
