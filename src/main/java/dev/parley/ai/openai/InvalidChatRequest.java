package dev.parley.ai.openai;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A chat completion request that is well-formed JSON but asks for something Parley cannot do. */
class InvalidChatRequest extends ParleyException {

	private final String param;

	InvalidChatRequest(String param, String message) {
		super(ProblemKind.INVALID_REQUEST, message);
		this.param = param;
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of(param, getMessage());
	}
}
