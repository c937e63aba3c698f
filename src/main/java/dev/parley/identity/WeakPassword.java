package dev.parley.identity;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A new password the password policy refuses (too short, too long, too common). */
class WeakPassword extends ParleyException {

	private final String field;

	WeakPassword(String field, String reason) {
		super(ProblemKind.INVALID_REQUEST, reason);
		this.field = field;
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of(field, getMessage());
	}
}
