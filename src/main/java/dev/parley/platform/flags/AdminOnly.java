package dev.parley.platform.flags;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A plain user at an admin route, or asking for another caller's flags. */
class AdminOnly extends ParleyException {

	AdminOnly(String detail) {
		super(ProblemKind.FORBIDDEN, detail);
	}
}
