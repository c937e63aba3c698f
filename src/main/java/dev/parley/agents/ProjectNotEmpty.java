package dev.parley.agents;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A project still holds chats or agents, and the caller did not ask to delete them with it. */
public class ProjectNotEmpty extends ParleyException {

	ProjectNotEmpty(long chats, long agents) {
		super(ProblemKind.CONFLICT, "The project still holds " + chats + " chat(s) and " + agents
				+ " agent(s): move or delete them first, or delete the project with ?cascade=true.");
	}
}
