package dev.parley.agents;

import dev.parley.agents.tools.Tool;

/**
 * The policy that applies to one call of a tool: the agent's own policy for that tool when it set
 * one, else the tool's default — ask a person first when the tool may destroy something or reaches
 * beyond Parley ({@link dev.parley.agents.tools.ToolHints#asksByDefault()}), else allow. A tool's
 * hints never relax what an agent set.
 */
final class ToolPolicies {

	private ToolPolicies() {
	}

	static ToolPolicy of(AgentSettings agent, Tool tool) {
		ToolPolicy set = agent.toolPolicies().get(tool.name());
		if (set != null) {
			return set;
		}
		return tool.hints().asksByDefault() ? ToolPolicy.ASK : ToolPolicy.ALLOW;
	}
}
