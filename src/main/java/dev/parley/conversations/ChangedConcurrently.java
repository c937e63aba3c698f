package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Another request changed the same chat or message between this one reading and writing it. */
class ChangedConcurrently extends ParleyException {

	ChangedConcurrently() {
		super(ProblemKind.CONFLICT, "The chat or message was changed by another request at the same time; try again.");
	}
}
