package dev.parley.agents.runs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A decision on a tool call of a run: who decided what, when, how far it reaches, and why. A decision
 * made by a feedback request's timeout has no decider and is {@code timedOut}: never a person's.
 */
public record Approval(UUID id, UUID runId, UUID stepId, @Nullable UUID agentId, String tool, String argumentsSha256,
		ApprovalDecision decision, ApprovalScope scope, @Nullable String reason, @Nullable UUID decidedBy,
		Instant decidedAt, boolean timedOut) {

	public boolean approves() {
		return decision == ApprovalDecision.APPROVE;
	}
}
