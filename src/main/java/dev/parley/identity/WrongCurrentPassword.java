package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A password change whose current password does not match. */
class WrongCurrentPassword extends ParleyException {

	WrongCurrentPassword() {
		super(ProblemKind.INVALID_REQUEST, "The current password is wrong.");
	}
}
