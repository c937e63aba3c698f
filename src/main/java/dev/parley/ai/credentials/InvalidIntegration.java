package dev.parley.ai.credentials;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A field of an integration request that the rules refuse (unknown provider, unsafe base URL). */
class InvalidIntegration extends InvalidFields {

	InvalidIntegration(String field, String reason) {
		super(reason, Map.of(field, reason));
	}
}
