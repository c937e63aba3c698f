package dev.parley.agents.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One step of a run: a model call (with the text it said) or a tool call (with the tool, the
 * arguments as the model wrote them, and what the tool returned).
 *
 * @param argumentsSha256 the hash of the exact arguments, which an approval is bound to
 */
public record RunStep(UUID id, UUID runId, int ordinal, StepKind kind, @Nullable String tool,
		@Nullable String toolCallId, @Nullable String arguments, @Nullable String argumentsSha256,
		@Nullable String content, @Nullable String result, @Nullable String resultSummary, @Nullable Boolean ok,
		StepStatus status, @Nullable Integer promptTokens, @Nullable Integer completionTokens,
		@Nullable BigDecimal costUsd, Instant startedAt, @Nullable Instant endedAt) {
}
