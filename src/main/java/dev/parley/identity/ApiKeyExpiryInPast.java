package dev.parley.identity;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A new API key whose requested expiry is not in the future. */
class ApiKeyExpiryInPast extends InvalidFields {

	static final String MESSAGE = "must be in the future";

	ApiKeyExpiryInPast() {
		super(MESSAGE, Map.of("expires_at", MESSAGE));
	}
}
