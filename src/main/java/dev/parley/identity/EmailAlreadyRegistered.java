package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Registration with an email that already has an account. */
class EmailAlreadyRegistered extends ParleyException {

	EmailAlreadyRegistered() {
		super(ProblemKind.CONFLICT, "An account with this email already exists.");
	}
}
