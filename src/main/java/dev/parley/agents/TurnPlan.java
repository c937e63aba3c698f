package dev.parley.agents;

import java.util.List;

import dev.parley.ai.ToolDefinition;

/**
 * What a turn may do beyond answering: the tools its model may call. A chat without an agent has
 * the {@link #plain() plain} plan, with no tools; an agent's plan (its tools, policies and limits)
 * comes with the agents and the tool loop.
 *
 * @param tools the tools offered to the model; empty for none
 */
public record TurnPlan(List<ToolDefinition> tools) {

	private static final TurnPlan PLAIN = new TurnPlan(List.of());

	public TurnPlan {
		tools = List.copyOf(tools);
	}

	/** A turn that only answers. */
	public static TurnPlan plain() {
		return PLAIN;
	}

	public boolean usesTools() {
		return !tools.isEmpty();
	}
}
