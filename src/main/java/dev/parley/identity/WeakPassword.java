package dev.parley.identity;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A new password the password policy refuses (too short, too long, too common). */
class WeakPassword extends InvalidFields {

	WeakPassword(String field, String reason) {
		super(reason, Map.of(field, reason));
	}
}
