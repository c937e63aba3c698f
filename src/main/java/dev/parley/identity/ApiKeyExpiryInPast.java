package dev.parley.identity;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A new API key whose requested expiry is not in the future. */
class ApiKeyExpiryInPast extends ParleyException {

	static final String MESSAGE = "must be in the future";

	ApiKeyExpiryInPast() {
		super(ProblemKind.INVALID_REQUEST, MESSAGE);
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of("expires_at", getMessage());
	}
}
