package dev.parley.catalog;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The caller is not an admin, and only admins may change the catalogue. */
class AdminOnly extends ParleyException {

	AdminOnly() {
		super(ProblemKind.FORBIDDEN, "Only admins may change the catalogue.");
	}

	/** @throws AdminOnly unless the caller is an admin */
	static void require(AuthenticatedUser caller) {
		if (!caller.isAdmin()) {
			throw new AdminOnly();
		}
	}
}
