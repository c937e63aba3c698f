package dev.parley.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolHints;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import org.junit.jupiter.api.Test;

class ToolPoliciesTests {

	static final Tool READER = tool("reader", ToolHints.READ_ONLY);

	static final Tool FETCHER = tool("fetcher", new ToolHints(true, false, true));

	static final Tool DELETER = tool("deleter", new ToolHints(false, true, false));

	@Test
	void aReadOnlyToolRunsAndAnOpenWorldOrDestructiveOneAsksByDefault() {
		AgentSettings agent = agent(Map.of());

		assertThat(ToolPolicies.of(agent, READER)).isEqualTo(ToolPolicy.ALLOW);
		assertThat(ToolPolicies.of(agent, FETCHER)).isEqualTo(ToolPolicy.ASK);
		assertThat(ToolPolicies.of(agent, DELETER)).isEqualTo(ToolPolicy.ASK);
	}

	@Test
	void theAgentsPolicyWinsBothWays() {
		AgentSettings agent = agent(Map.of("reader", ToolPolicy.DENY, "fetcher", ToolPolicy.ALLOW, "deleter",
				ToolPolicy.ASK));

		assertThat(ToolPolicies.of(agent, READER)).isEqualTo(ToolPolicy.DENY);
		assertThat(ToolPolicies.of(agent, FETCHER)).isEqualTo(ToolPolicy.ALLOW);
		assertThat(ToolPolicies.of(agent, DELETER)).isEqualTo(ToolPolicy.ASK);
	}

	private static AgentSettings agent(Map<String, ToolPolicy> policies) {
		return new AgentSettings("A", null, null, null, List.of("reader", "fetcher", "deleter"), policies, null, null,
				null, null, AgentStatus.ACTIVE);
	}

	private static Tool tool(String name, ToolHints hints) {
		return new Tool() {

			@Override
			public ToolDefinition definition() {
				return new ToolDefinition(name, name, "{\"type\":\"object\"}");
			}

			@Override
			public ToolHints hints() {
				return hints;
			}

			@Override
			public ToolResult execute(ToolInvocation invocation) {
				return ToolResult.ok(name);
			}
		};
	}
}
