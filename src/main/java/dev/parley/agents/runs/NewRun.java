package dev.parley.agents.runs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a run is started with.
 *
 * @param chatId the chat it answers in, or {@code null} (a one-off or delegated run without one)
 * @param replyMessageId the reply message it writes, or {@code null}
 * @param agentId the agent it runs, or {@code null} for a plain turn
 * @param parentRunId the run that delegated this one, or {@code null}
 * @param parentStepId the parent's step that is this run, or {@code null}
 * @param model the {@code provider/model} id
 * @param maxSteps the most model calls
 * @param maxToolCalls the most tool calls one model call may make
 * @param tokenBudget the most tokens the run may use, or {@code null} for no budget
 * @param deadline when its wall-clock budget ends
 */
public record NewRun(UUID userId, @Nullable UUID chatId, @Nullable UUID replyMessageId, @Nullable UUID agentId,
		@Nullable UUID parentRunId, @Nullable UUID parentStepId, String model, int maxSteps, int maxToolCalls,
		@Nullable Integer tokenBudget, Instant deadline) {
}
