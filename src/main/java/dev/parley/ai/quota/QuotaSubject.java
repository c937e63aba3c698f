package dev.parley.ai.quota;

import java.util.Locale;

/**
 * Whom a quota is set for: a user (by id), an API key (by id) or a role (by name), which applies to
 * each of the role's users on their own.
 */
record QuotaSubject(Type type, String id) {

	enum Type {

		USER, API_KEY, ROLE;

		String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
