package dev.parley.agents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user's agent: instructions, a model, the tools it may call and a policy per tool, limits of its
 * runs, and optionally a schema its answers follow. Its settings change together, as one checked
 * {@link AgentSettings}.
 */
@Table("agents")
public class Agent {

	@Id
	private final UUID id;

	private final UUID userId;

	private @Nullable UUID projectId;

	private String name;

	private @Nullable String description;

	private @Nullable String instructions;

	private @Nullable String model;

	private List<String> tools;

	private JsonDocument toolPolicies;

	private @Nullable Double temperature;

	private @Nullable Integer maxSteps;

	private @Nullable JsonDocument outputSchema;

	private AgentStatus status;

	private boolean cacheEnabled;

	private @Nullable Integer cacheTtlSeconds;

	private boolean cacheShared;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Agent(UUID id, UUID userId, @Nullable UUID projectId, String name, @Nullable String description,
			@Nullable String instructions, @Nullable String model, List<String> tools, JsonDocument toolPolicies,
			@Nullable Double temperature, @Nullable Integer maxSteps, @Nullable JsonDocument outputSchema,
			AgentStatus status, boolean cacheEnabled, @Nullable Integer cacheTtlSeconds, boolean cacheShared,
			Instant createdAt, Instant updatedAt, @Nullable Long version) {
		this.cacheEnabled = cacheEnabled;
		this.cacheTtlSeconds = cacheTtlSeconds;
		this.cacheShared = cacheShared;
		this.id = id;
		this.userId = userId;
		this.projectId = projectId;
		this.name = name;
		this.description = description;
		this.instructions = instructions;
		this.model = model;
		this.tools = List.copyOf(tools);
		this.toolPolicies = toolPolicies;
		this.temperature = temperature;
		this.maxSteps = maxSteps;
		this.outputSchema = outputSchema;
		this.status = status;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Agent create(UUID userId, AgentSettings settings, Instant now) {
		Agent agent = new Agent(Ids.next(), userId, null, "", null, null, null, List.of(), JsonDocument.empty(), null,
				null, null, AgentStatus.ACTIVE, false, null, false, now, now, null);
		agent.change(settings, now);
		return agent;
	}

	void change(AgentSettings settings, Instant now) {
		this.projectId = settings.projectId();
		this.name = settings.name();
		this.description = settings.description();
		this.instructions = settings.instructions();
		this.model = settings.model();
		this.tools = settings.tools();
		Map<String, Object> policies = new LinkedHashMap<>();
		settings.toolPolicies().forEach((tool, policy) -> policies.put(tool, policy.wireName()));
		this.toolPolicies = JsonDocument.of(policies);
		this.temperature = settings.temperature();
		this.maxSteps = settings.maxSteps();
		this.outputSchema = settings.outputSchema();
		this.status = settings.status();
		this.cacheEnabled = settings.cache().enabled();
		this.cacheTtlSeconds = settings.cache().ttlSeconds();
		this.cacheShared = settings.cache().shared();
		this.updatedAt = now;
	}

	/** What this agent is now, as the settings a change starts from. */
	public AgentSettings settings() {
		Map<String, ToolPolicy> policies = new LinkedHashMap<>();
		toolPolicies.fields().forEach((tool, policy) -> policies.put(tool, ToolPolicy.fromWireName((String) policy)));
		return new AgentSettings(name, description, instructions, model, tools, policies, temperature, maxSteps,
				outputSchema, projectId, status, new AgentCache(cacheEnabled, cacheTtlSeconds, cacheShared));
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
