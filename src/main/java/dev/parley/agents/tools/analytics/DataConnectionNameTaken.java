package dev.parley.agents.tools.analytics;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The caller already has a data connection of this name; tools find connections by name. */
class DataConnectionNameTaken extends ParleyException {

	DataConnectionNameTaken(String name) {
		super(ProblemKind.CONFLICT, "You already have a data connection named '" + name + "'.");
	}
}
