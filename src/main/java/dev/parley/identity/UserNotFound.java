package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A user id that names no account (for example one deleted meanwhile). */
class UserNotFound extends ParleyException {

	UserNotFound() {
		super(ProblemKind.NOT_FOUND, "No such user.");
	}
}
