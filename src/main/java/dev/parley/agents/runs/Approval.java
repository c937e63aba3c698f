package dev.parley.agents.runs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A person's decision on a tool call of a run: who decided what, when, how far it reaches, and why. */
public record Approval(UUID id, UUID runId, UUID stepId, @Nullable UUID agentId, String tool, String argumentsSha256,
		ApprovalDecision decision, ApprovalScope scope, @Nullable String reason, UUID decidedBy, Instant decidedAt) {

	public boolean approves() {
		return decision == ApprovalDecision.APPROVE;
	}
}
