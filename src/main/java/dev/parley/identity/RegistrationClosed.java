package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Registration while the feature flag {@code registration} is off (ENABLE_REGISTRATION=false, or an admin's rule). */
class RegistrationClosed extends ParleyException {

	RegistrationClosed() {
		super(ProblemKind.FORBIDDEN, "Registration is disabled on this server.");
	}
}
