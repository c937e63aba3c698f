package dev.parley.catalog.newsletter;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A token that this server did not sign for this use, that expired, or that was used already. */
class InvalidNewsletterToken extends InvalidFields {

	InvalidNewsletterToken() {
		super("The link is invalid, expired or already used.", Map.of("token", "is invalid, expired or already used"));
	}
}
