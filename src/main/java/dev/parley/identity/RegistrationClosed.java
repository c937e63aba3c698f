package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Registration while ENABLE_REGISTRATION is false. */
class RegistrationClosed extends ParleyException {

	RegistrationClosed() {
		super(ProblemKind.FORBIDDEN, "Registration is disabled on this server.");
	}
}
