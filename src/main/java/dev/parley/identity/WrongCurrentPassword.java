package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A password change (or an account's erasure) whose password does not match the account's. */
class WrongCurrentPassword extends ParleyException {

	WrongCurrentPassword() {
		super(ProblemKind.INVALID_REQUEST, "The current password is wrong.");
	}

	WrongCurrentPassword(String detail) {
		super(ProblemKind.INVALID_REQUEST, detail);
	}
}
