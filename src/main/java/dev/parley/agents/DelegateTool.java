package dev.parley.agents;

import java.util.function.BiFunction;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;

/**
 * {@code agent:<id>}: hands a task to another agent of the same owner. The delegated run is a run
 * of its own in the ledger, a child of the step that called it, with its agent's tools and
 * policies — except that it cannot stop to ask a person: a call there that would ask is refused.
 */
final class DelegateTool implements Tool {

	static final String SCHEMA = """
			{"type": "object", "properties": {"task": {"type": "string",
			"description": "What the agent is to do, with everything it needs to know: it sees nothing else"}},
			"required": ["task"], "additionalProperties": false}""";

	private final Agent agent;

	private final BiFunction<Agent, ToolInvocation, ToolResult> delegation;

	DelegateTool(Agent agent, BiFunction<Agent, ToolInvocation, ToolResult> delegation) {
		this.agent = agent;
		this.delegation = delegation;
	}

	@Override
	public ToolDefinition definition() {
		AgentSettings settings = agent.settings();
		String about = settings.description() == null ? "" : ": " + settings.description();
		return new ToolDefinition(AgentSettings.AGENT_TOOL_PREFIX + agent.id(),
				"Hand a task to the agent '" + settings.name() + "'" + about + ". It answers in text.", SCHEMA);
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		return delegation.apply(agent, invocation);
	}
}
