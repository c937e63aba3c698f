package dev.parley.agents;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An agent cannot go while another agent of its owner still delegates to it. */
public class AgentStillDelegatedTo extends ParleyException {

	AgentStillDelegatedTo() {
		super(ProblemKind.CONFLICT,
				"Another of your agents delegates to this one: remove it from that agent's tools first.");
	}
}
