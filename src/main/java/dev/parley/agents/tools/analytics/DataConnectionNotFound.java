package dev.parley.agents.tools.analytics;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No data connection with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
class DataConnectionNotFound extends ParleyException {

	DataConnectionNotFound() {
		super(ProblemKind.NOT_FOUND, "No such data connection.");
	}
}
