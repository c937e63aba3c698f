package dev.parley.agents.runs;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No run with this id belongs to the caller: it never existed, was deleted with its chat, or is someone else's. */
public class RunNotFound extends ParleyException {

	RunNotFound() {
		super(ProblemKind.NOT_FOUND, "No such run.");
	}
}
