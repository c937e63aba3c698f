package dev.parley.agents;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No project with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
public class ProjectNotFound extends ParleyException {

	ProjectNotFound() {
		super(ProblemKind.NOT_FOUND, "No such project.");
	}
}
