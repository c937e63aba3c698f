package dev.parley.agents.tools;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One call of a tool.
 *
 * @param userId the user the run belongs to: the tool acts as them and sees only their data
 * @param callId the model's id for the call
 * @param arguments the arguments, already checked against the tool's schema
 * @param deadline when the run's time budget ends; a tool stops by then
 * @param runId the run that calls it, or {@code null} outside a run
 * @param stepId the run's step that is this call, or {@code null} outside a run
 */
public record ToolInvocation(UUID userId, String callId, JsonNode arguments, Instant deadline, @Nullable UUID runId,
		@Nullable UUID stepId) {

	/** A call outside any run. */
	public ToolInvocation(UUID userId, String callId, JsonNode arguments, Instant deadline) {
		this(userId, callId, arguments, deadline, null, null);
	}
}
