package dev.parley.agents;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The agent a run runs: one of the user's, or the default agent of one-shot queries (no id).
 *
 * @param id the agent's id, or {@code null} for the default agent
 */
record RunningAgent(@Nullable UUID id, AgentSettings settings) {

	static RunningAgent of(Agent agent) {
		return new RunningAgent(agent.id(), agent.settings());
	}
}
