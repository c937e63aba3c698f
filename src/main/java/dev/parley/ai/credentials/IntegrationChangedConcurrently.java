package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Another request changed the same integration between this one reading and writing it. */
class IntegrationChangedConcurrently extends ParleyException {

	IntegrationChangedConcurrently() {
		super(ProblemKind.CONFLICT, "The integration was changed by another request at the same time; try again.");
	}
}
