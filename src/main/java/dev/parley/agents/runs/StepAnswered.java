package dev.parley.agents.runs;

import java.util.UUID;

/** A step that waited for a person's answer (an {@code ask_human} call) has it; the run goes on. */
public record StepAnswered(UUID runId, UUID stepId, UUID userId) {
}
