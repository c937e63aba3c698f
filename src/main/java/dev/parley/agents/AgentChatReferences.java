package dev.parley.agents;

import java.util.UUID;

import dev.parley.conversations.ChatReferences;
import org.springframework.stereotype.Component;

/** Lets a chat name only its owner's agents and projects. */
@Component
class AgentChatReferences implements ChatReferences {

	private final AgentRepository agents;

	private final Projects projects;

	AgentChatReferences(AgentRepository agents, Projects projects) {
		this.agents = agents;
		this.projects = projects;
	}

	@Override
	public boolean isOwnAgent(UUID userId, UUID agentId) {
		return agents.findOwned(agentId, userId).isPresent();
	}

	@Override
	public boolean isOwnProject(UUID userId, UUID projectId) {
		return projects.owns(userId, projectId);
	}
}
