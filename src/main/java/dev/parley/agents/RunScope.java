package dev.parley.agents;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.parley.agents.runs.Run;
import dev.parley.agents.tools.Tool;

/**
 * What a run may do: whose it is, its agent's settings, the tools it was given (by the name the
 * model knows each by, {@link ToolNames}), when its time is up, and whether it may stop to ask a
 * person (a delegated run may not: it is a step of another run).
 */
record RunScope(Run run, UUID userId, AgentSettings agent, Map<String, Tool> tools, Instant deadline,
		boolean mayAsk) {

	RunScope {
		tools = Map.copyOf(tools);
	}

	RunScope(Run run, UUID userId, AgentSettings agent, Map<String, Tool> tools, Instant deadline) {
		this(run, userId, agent, tools, deadline, true);
	}
}
