package dev.parley.agents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * Everything an agent is, checked: what {@link AgentInput} accepts from a client and an
 * {@link Agent} holds.
 *
 * @param name shown to people
 * @param description what it is for, or {@code null}
 * @param instructions its system prompt, or {@code null}
 * @param model a {@code provider/model} id, or {@code null} for the server's default
 * @param tools the tools its model may call, in order, without repeats
 * @param toolPolicies per tool the policy that overrides the tool's default; only tools it has
 * @param temperature or {@code null} for the model's default
 * @param maxSteps the most model calls of one run, or {@code null} for the server's default
 * @param outputSchema the JSON Schema its final answer must satisfy, or {@code null} for free text
 * @param projectId the project it belongs to, or {@code null}
 * @param status whether it takes new runs
 * @param cache whether its answers are kept in the response cache
 */
public record AgentSettings(String name, @Nullable String description, @Nullable String instructions,
		@Nullable String model, List<String> tools, Map<String, ToolPolicy> toolPolicies, @Nullable Double temperature,
		@Nullable Integer maxSteps, @Nullable JsonDocument outputSchema, @Nullable UUID projectId, AgentStatus status,
		AgentCache cache) {

	/** The prefix of a tool that delegates to another agent of the same owner: {@code agent:<id>}. */
	public static final String AGENT_TOOL_PREFIX = "agent:";

	public AgentSettings {
		tools = List.copyOf(tools);
		toolPolicies = Map.copyOf(toolPolicies);
		cache = cache == null ? AgentCache.OFF : cache;
	}

	/** Settings of an agent whose answers are not cached. */
	public AgentSettings(String name, @Nullable String description, @Nullable String instructions,
			@Nullable String model, List<String> tools, Map<String, ToolPolicy> toolPolicies,
			@Nullable Double temperature, @Nullable Integer maxSteps, @Nullable JsonDocument outputSchema,
			@Nullable UUID projectId, AgentStatus status) {
		this(name, description, instructions, model, tools, toolPolicies, temperature, maxSteps, outputSchema,
				projectId, status, AgentCache.OFF);
	}

	/** The agents this one delegates to. */
	List<UUID> delegates() {
		return tools.stream()
			.filter(tool -> tool.startsWith(AGENT_TOOL_PREFIX))
			.map(tool -> UUID.fromString(tool.substring(AGENT_TOOL_PREFIX.length())))
			.toList();
	}
}
