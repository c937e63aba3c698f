package dev.parley.agents;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.parley.agents.runs.Run;
import dev.parley.agents.tools.Tool;

/**
 * What a run may do: whose it is, its agent's settings, the tools it was given (by name) and when
 * its time is up.
 */
record RunScope(Run run, UUID userId, AgentSettings agent, Map<String, Tool> tools, Instant deadline) {

	RunScope {
		tools = Map.copyOf(tools);
	}
}
