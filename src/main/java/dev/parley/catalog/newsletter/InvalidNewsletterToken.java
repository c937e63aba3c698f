package dev.parley.catalog.newsletter;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A token that this server did not sign for this use, that expired, or that was used already. */
class InvalidNewsletterToken extends ParleyException {

	InvalidNewsletterToken() {
		super(ProblemKind.INVALID_REQUEST, "The link is invalid, expired or already used.");
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of("token", "is invalid, expired or already used");
	}
}
