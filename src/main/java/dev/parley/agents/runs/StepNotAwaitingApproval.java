package dev.parley.agents.runs;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A decision came for a step that is not waiting for one (decided already, or never paused). */
public class StepNotAwaitingApproval extends ParleyException {

	StepNotAwaitingApproval() {
		super(ProblemKind.CONFLICT, "This step is not waiting for a decision.");
	}
}
