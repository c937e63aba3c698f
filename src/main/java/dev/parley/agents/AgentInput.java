package dev.parley.agents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.agents.tools.Toolbox;
import dev.parley.ai.CacheDirective;
import dev.parley.ai.Generations;
import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks of what a user sends for an agent, every failing field reported at once: sizes, a model
 * this server offers, tools the user may use (delegation only to their own agents, without loops,
 * at most {@link DelegationGraph#MAX_DEPTH} deep), a policy only for tools the agent has, and a
 * project of theirs.
 */
@Component
class AgentInput {

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 2_000;

	static final int MAX_INSTRUCTIONS = 100_000;

	static final int MAX_TOOLS = 64;

	static final int MAX_STEPS = 50;

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final Generations generations;

	private final Toolbox toolbox;

	private final Projects projects;

	private final AgentRepository agents;

	AgentInput(Generations generations, Toolbox toolbox, Projects projects, AgentRepository agents) {
		this.generations = generations;
		this.toolbox = toolbox;
		this.projects = projects;
		this.agents = agents;
	}

	/** What a client asked for, unchecked; {@code null} fields of a change keep the agent's value. */
	record Draft(@Nullable String name, @Nullable String description, @Nullable String instructions,
			@Nullable String model, @Nullable List<String> tools, @Nullable Map<String, String> toolPolicies,
			@Nullable Double temperature, @Nullable Integer maxSteps, @Nullable JsonDocument outputSchema,
			@Nullable String projectId, @Nullable String status, @Nullable CacheDraft cache) {
	}

	/** What a client asked of an agent's response cache; {@code null} fields keep the agent's value. */
	record CacheDraft(@Nullable Boolean enabled, @Nullable Integer ttlSeconds, @Nullable Boolean shared) {
	}

	/** The settings of a new agent. */
	AgentSettings create(AuthenticatedUser caller, Draft draft) {
		return check(caller, null, draft, new AgentSettings("", null, null, null, List.of(), Map.of(), null, null,
				null, null, AgentStatus.ACTIVE), true);
	}

	/** The settings of {@code agent} after a change; a blank text field is cleared. */
	AgentSettings change(AuthenticatedUser caller, Agent agent, Draft draft) {
		return check(caller, agent.id(), draft, agent.settings(), false);
	}

	private AgentSettings check(AuthenticatedUser caller, @Nullable UUID agentId, Draft draft, AgentSettings current,
			boolean creating) {
		UUID userId = caller.id();
		if (draft.cache() != null && Boolean.TRUE.equals(draft.cache().shared())) {
			// Sharing one cache across users publishes the agent to them: an admin's decision.
			AdminOnly.require(caller, "share an agent's response cache (cache.shared)");
		}
		FieldChecks checks = new FieldChecks();
		String name = draft.name() == null && !creating ? current.name() : checks.check(() -> name(draft.name()));
		String description = draft.description() == null ? current.description()
				: checks.check(() -> text("description", draft.description(), MAX_DESCRIPTION));
		String instructions = draft.instructions() == null ? current.instructions()
				: checks.check(() -> text("instructions", draft.instructions(), MAX_INSTRUCTIONS));
		String model = draft.model() == null ? current.model()
				: draft.model().isBlank() ? null : checks.check(() -> generations.resolveModel(draft.model().strip()));
		List<String> tools = draft.tools() == null ? current.tools() : tools(userId, agentId, draft.tools(), checks);
		Map<String, ToolPolicy> policies = draft.toolPolicies() == null ? current.toolPolicies()
				: policies(draft.toolPolicies(), checks);
		if (tools != null && policies != null) {
			for (String tool : policies.keySet()) {
				if (!tools.contains(tool)) {
					checks.refuse("tool_policies." + tool, "is not one of the agent's tools");
				}
			}
		}
		Double temperature = draft.temperature() == null ? current.temperature() : draft.temperature();
		if (temperature != null && (temperature < 0 || temperature > 2 || temperature.isNaN())) {
			checks.refuse("temperature", "must be between 0 and 2");
		}
		Integer maxSteps = draft.maxSteps() == null ? current.maxSteps() : draft.maxSteps();
		if (maxSteps != null && (maxSteps < 1 || maxSteps > MAX_STEPS)) {
			checks.refuse("max_steps", "must be between 1 and " + MAX_STEPS);
		}
		JsonDocument outputSchema = draft.outputSchema() == null ? current.outputSchema()
				: draft.outputSchema().fields().isEmpty() ? null : checks.check(() -> outputSchema(draft.outputSchema()));
		UUID projectId = draft.projectId() == null ? current.projectId()
				: draft.projectId().isBlank() ? null : checks.check(() -> project(userId, draft.projectId()));
		AgentStatus status = draft.status() == null ? current.status() : checks.check(() -> status(draft.status()));
		AgentCache cache = cache(draft.cache(), current.cache(), tools, temperature, checks);
		checks.throwIfAny();
		return new AgentSettings(name, description, instructions, model, tools, policies, temperature, maxSteps,
				outputSchema, projectId, status, cache);
	}

	private static AgentCache cache(@Nullable CacheDraft draft, AgentCache current, @Nullable List<String> tools,
			@Nullable Double temperature, FieldChecks checks) {
		boolean enabled = draft == null || draft.enabled() == null ? current.enabled() : draft.enabled();
		Integer ttl = draft == null || draft.ttlSeconds() == null ? current.ttlSeconds() : draft.ttlSeconds();
		boolean shared = draft == null || draft.shared() == null ? current.shared() : draft.shared();
		if (ttl != null && ttl < 1) {
			checks.refuse("cache.ttl_seconds", "must be at least 1");
		}
		if (shared && !enabled) {
			checks.refuse("cache.shared", "needs cache.enabled");
		}
		String refusal = enabled ? CacheDirective.refusal(temperature, null, tools != null && !tools.isEmpty()) : null;
		if (refusal != null) {
			checks.refuse("cache.enabled", refusal.replace("requests with tools", "agents with tools")
				.replace("temperature 0 or a seed", "the agent's temperature 0"));
		}
		return new AgentCache(enabled, ttl, shared);
	}

	private static String name(@Nullable String name) {
		String text = name == null ? "" : name.strip();
		if (text.isEmpty() || text.length() > MAX_NAME) {
			throw InvalidFields.of("name", "must be 1 to " + MAX_NAME + " characters");
		}
		return text;
	}

	private static @Nullable String text(String field, String value, int max) {
		if (value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw InvalidFields.of(field, "must be at most " + max + " characters");
		}
		return value.strip();
	}

	private @Nullable List<String> tools(UUID userId, @Nullable UUID agentId, List<String> requested,
			FieldChecks checks) {
		if (requested.size() > MAX_TOOLS) {
			checks.refuse("tools", "must list at most " + MAX_TOOLS + " tools");
			return null;
		}
		List<String> tools = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<UUID> delegates = new ArrayList<>();
		boolean ok = true;
		for (int i = 0; i < requested.size(); i++) {
			String field = "tools[" + i + "]";
			String tool = requested.get(i) == null ? "" : requested.get(i).strip();
			if (tool.isEmpty()) {
				checks.refuse(field, "must be a tool name");
				ok = false;
			}
			else if (!seen.add(tool)) {
				checks.refuse(field, "lists '" + tool + "' twice");
				ok = false;
			}
			else if (tool.startsWith(AgentSettings.AGENT_TOOL_PREFIX)) {
				UUID delegate = delegate(userId, agentId, tool.substring(AgentSettings.AGENT_TOOL_PREFIX.length()));
				if (delegate == null) {
					checks.refuse(field, "names no agent of yours other than this one");
					ok = false;
				}
				else {
					delegates.add(delegate);
					tools.add(AgentSettings.AGENT_TOOL_PREFIX + delegate);
				}
			}
			else if (toolbox.find(userId, tool).isEmpty()) {
				checks.refuse(field, "no tool '" + tool + "' is available to you (GET /api/v1/tools lists them)");
				ok = false;
			}
			else {
				tools.add(tool);
			}
		}
		if (ok && !delegates.isEmpty()) {
			delegationGraph(userId, agentId, delegates).ifPresent(problem -> checks.refuse("tools", problem));
		}
		return ok ? tools : null;
	}

	private @Nullable UUID delegate(UUID userId, @Nullable UUID agentId, String id) {
		if (!UUID_TEXT.matcher(id).matches()) {
			return null;
		}
		UUID delegate = UUID.fromString(id);
		if (delegate.equals(agentId) || agents.findOwned(delegate, userId).isEmpty()) {
			return null;
		}
		return delegate;
	}

	private java.util.Optional<String> delegationGraph(UUID userId, @Nullable UUID agentId, List<UUID> delegates) {
		Map<UUID, List<UUID>> edges = new LinkedHashMap<>();
		for (Agent agent : agents.findAllOwned(userId)) {
			edges.put(agent.id(), agent.settings().delegates());
		}
		// A new agent has no id yet and nobody delegates to it: only what lies below it matters.
		UUID self = agentId != null ? agentId : UUID.randomUUID();
		return new DelegationGraph(edges).with(self, delegates).problemThrough(self);
	}

	private static @Nullable Map<String, ToolPolicy> policies(Map<String, String> requested, FieldChecks checks) {
		Map<String, ToolPolicy> policies = new LinkedHashMap<>();
		boolean ok = true;
		for (Map.Entry<String, String> entry : requested.entrySet()) {
			try {
				policies.put(entry.getKey().strip(), ToolPolicy.fromWireName(String.valueOf(entry.getValue())));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				checks.refuse("tool_policies." + entry.getKey(), "must be allow, ask or deny");
				ok = false;
			}
		}
		return ok ? policies : null;
	}

	private static JsonDocument outputSchema(JsonDocument schema) {
		if (!"object".equals(schema.fields().get("type"))) {
			throw InvalidFields.of("output_schema", "must be a JSON Schema of an object (\"type\": \"object\")");
		}
		return schema;
	}

	private UUID project(UUID userId, String id) {
		if (!UUID_TEXT.matcher(id.strip()).matches() || !projects.owns(userId, UUID.fromString(id.strip()))) {
			throw InvalidFields.of("project_id", "names no project of yours");
		}
		return UUID.fromString(id.strip());
	}

	private static AgentStatus status(String status) {
		try {
			return AgentStatus.fromWireName(status);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("status", "must be active or inactive");
		}
	}
}
