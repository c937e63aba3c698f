package dev.parley.ai.credentials;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A field of an integration request that the rules refuse (unknown provider, unsafe base URL). */
class InvalidIntegration extends ParleyException {

	private final String field;

	InvalidIntegration(String field, String reason) {
		super(ProblemKind.INVALID_REQUEST, reason);
		this.field = field;
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of(field, getMessage());
	}
}
