package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The caller is not an admin, and only admins may do what they asked: a 403 problem. */
public final class AdminOnly extends ParleyException {

	private AdminOnly(String action) {
		super(ProblemKind.FORBIDDEN, "Only admins may " + action + ".");
	}

	/**
	 * @param action what only admins may do, completing "Only admins may …" ("change the catalogue")
	 * @throws AdminOnly unless the caller is an admin
	 */
	public static void require(AuthenticatedUser caller, String action) {
		if (!caller.isAdmin()) {
			throw new AdminOnly(action);
		}
	}
}
