package dev.parley.agents.runs;

import java.util.UUID;

/** A person decided on a tool call that paused a run; the run goes on from that step. */
public record ApprovalDecided(UUID runId, UUID stepId, UUID userId, ApprovalDecision decision) {
}
