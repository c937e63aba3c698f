package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A username another account already has. */
class UsernameTaken extends ParleyException {

	UsernameTaken() {
		super(ProblemKind.CONFLICT, "This username is taken.");
	}
}
