package dev.parley.agents.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A run as its ledger has it: what it is running, where it stands, what it has cost, and its steps
 * in order.
 *
 * @param structured the parsed final answer (JSON text) of an agent with an output schema, else {@code null}
 */
public record Run(UUID id, UUID userId, @Nullable UUID chatId, @Nullable UUID replyMessageId, @Nullable UUID agentId,
		@Nullable UUID parentRunId, @Nullable UUID parentStepId, String model, RunStatus status,
		@Nullable StopReason stopReason, int maxSteps, int maxToolCalls, @Nullable Integer tokenBudget, Instant deadline,
		int promptTokens, int completionTokens, BigDecimal costUsd, @Nullable String error, @Nullable String structured,
		Instant startedAt, @Nullable Instant endedAt, List<RunStep> steps) {

	public Run {
		steps = List.copyOf(steps);
	}

	public boolean ended() {
		return status == RunStatus.COMPLETED || status == RunStatus.FAILED || status == RunStatus.CANCELLED;
	}

	/** How many model calls the run has made. */
	public int modelSteps() {
		return (int) steps.stream().filter(step -> step.kind() == StepKind.MODEL).count();
	}

	Run withSteps(List<RunStep> steps) {
		return new Run(id, userId, chatId, replyMessageId, agentId, parentRunId, parentStepId, model, status,
				stopReason, maxSteps, maxToolCalls, tokenBudget, deadline, promptTokens, completionTokens, costUsd, error,
				structured, startedAt, endedAt, steps);
	}
}
