package dev.parley.catalog;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Another product has this external id already. */
class ExternalIdTaken extends ParleyException {

	ExternalIdTaken() {
		super(ProblemKind.CONFLICT, "Another product has this external_id.");
	}
}
