package dev.parley.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.JsonDocument;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Your agents: instructions, a model, tools and a policy per tool")
class AgentController {

	private final Agents agents;

	AgentController(Agents agents) {
		this.agents = agents;
	}

	@GetMapping
	@Operation(summary = "Your agents, newest first")
	CursorPage<AgentResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return agents.list(caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit)).map(AgentResponse::from);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an agent")
	AgentResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody AgentRequest request) {
		return AgentResponse.from(agents.create(caller, request.toDraft()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your agents")
	AgentResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return AgentResponse.from(agents.get(id, caller.id()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an agent: absent fields stay as they are; a blank text field, model or "
			+ "project_id, or an empty output_schema, is cleared; tools and tool_policies are replaced whole")
	AgentResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody AgentRequest request) {
		return AgentResponse.from(agents.update(id, caller, request.toDraft()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an agent (409 while another agent delegates to it); its chats become plain chats")
	@ApiResponse(responseCode = "409", description = "Another of your agents delegates to this one")
	void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		agents.delete(id, caller.id());
	}

	record AgentRequest(@Schema(maxLength = AgentInput.MAX_NAME) @Nullable String name,
			@Schema(maxLength = AgentInput.MAX_DESCRIPTION) @Nullable String description,
			@Schema(description = "The agent's system prompt", maxLength = AgentInput.MAX_INSTRUCTIONS)
			@Nullable String instructions,
			@Schema(description = "A provider/model id or alias; blank for the server's default") @Nullable String model,
			@Schema(description = "Tool names (GET /api/v1/tools); agent:<id> delegates to another of your agents")
			@Nullable List<String> tools,
			@Schema(description = "Per tool: allow, ask (a person approves each call) or deny")
			@Nullable Map<String, String> toolPolicies,
			@Schema(minimum = "0", maximum = "2") @Nullable Double temperature,
			@Schema(description = "The most model calls of one run (default 8)", minimum = "1",
					maximum = "" + AgentInput.MAX_STEPS) @Nullable Integer maxSteps,
			@Schema(description = "A JSON Schema (type object) the final answer must satisfy")
			@Nullable JsonDocument outputSchema,
			@Schema(description = "One of your projects; blank to take the agent out of its project")
			@Nullable String projectId,
			@Schema(allowableValues = { "active", "inactive" }) @Nullable String status,
			@Schema(description = "The response cache of its turns: enabled (no tools, temperature 0), ttl_seconds, "
					+ "shared (admins only: one cache for every user, who may then run the agent)")
			@Nullable CacheBody cache) {

		AgentInput.Draft toDraft() {
			return new AgentInput.Draft(name, description, instructions, model, tools, toolPolicies, temperature,
					maxSteps, outputSchema, projectId, status,
					cache == null ? null : new AgentInput.CacheDraft(cache.enabled(), cache.ttlSeconds(), cache.shared()));
		}
	}

	record CacheBody(@Nullable Boolean enabled, @Nullable Integer ttlSeconds, @Nullable Boolean shared) {

		static CacheBody from(AgentCache cache) {
			return new CacheBody(cache.enabled(), cache.ttlSeconds(), cache.shared());
		}
	}

	record AgentResponse(UUID id, String name, @Nullable String description, @Nullable String instructions,
			@Nullable String model, List<String> tools, Map<String, ToolPolicy> toolPolicies,
			@Nullable Double temperature, @Nullable Integer maxSteps, @Nullable JsonDocument outputSchema,
			@Nullable UUID projectId, AgentStatus status, CacheBody cache, Instant createdAt, Instant updatedAt) {

		static AgentResponse from(Agent agent) {
			AgentSettings settings = agent.settings();
			return new AgentResponse(agent.id(), settings.name(), settings.description(), settings.instructions(),
					settings.model(), settings.tools(), settings.toolPolicies(), settings.temperature(),
					settings.maxSteps(), settings.outputSchema(), settings.projectId(), settings.status(),
					CacheBody.from(settings.cache()), agent.createdAt(), agent.updatedAt());
		}
	}
}
