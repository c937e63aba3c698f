package dev.parley.agents;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No agent with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
public class AgentNotFound extends ParleyException {

	AgentNotFound() {
		super(ProblemKind.NOT_FOUND, "No such agent.");
	}
}
