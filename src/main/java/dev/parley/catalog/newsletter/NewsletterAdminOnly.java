package dev.parley.catalog.newsletter;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A plain user at the newsletter's admin routes. */
class NewsletterAdminOnly extends ParleyException {

	NewsletterAdminOnly() {
		super(ProblemKind.FORBIDDEN, "Only admins may read or erase the consent ledger.");
	}
}
