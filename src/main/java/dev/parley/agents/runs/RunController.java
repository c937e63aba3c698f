package dev.parley.agents.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Runs", description = "Every turn is a run: its steps (model and tool calls), limits, cost and approvals")
class RunController {

	static final int MAX_REASON = 2_000;

	private final Runs runs;

	private final JsonMapper json;

	RunController(Runs runs, JsonMapper json) {
		this.runs = runs;
		this.json = json;
	}

	@GetMapping("/api/v1/runs/{id}")
	@Operation(summary = "One of your runs, with its steps and the decisions made on its tool calls")
	RunResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		Run run = runs.get(id, caller.id());
		return RunResponse.from(run, runs.approvals(run.id()), json);
	}

	@GetMapping("/api/v1/chats/{id}/runs")
	@Operation(summary = "The runs of one of your chats, newest first (without their steps)")
	CursorPage<RunResponse> forChat(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return runs.forChat(id, caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit))
			.map(run -> RunResponse.from(run, null, json));
	}

	@PostMapping("/api/v1/runs/{id}/approvals")
	@Operation(summary = "Approve or deny a tool call that paused the run; the decision applies only to the "
			+ "call's exact arguments, and with scope run or always to the same call again")
	@ApiResponse(responseCode = "409", description = "The step is not waiting for a decision (decided already, or never paused)")
	ApprovalResponse decide(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody DecisionRequest request) {
		FieldChecks checks = new FieldChecks();
		if (request.stepId() == null) {
			checks.refuse("step_id", "is required");
		}
		ApprovalDecision decision = checks.check(() -> parse("decision", request.decision(), ApprovalDecision.class,
				"approve or deny"));
		ApprovalScope scope = request.scope() == null ? ApprovalScope.ONCE
				: checks.check(() -> parse("scope", request.scope(), ApprovalScope.class, "once, run or always"));
		if (request.reason() != null && request.reason().length() > MAX_REASON) {
			checks.refuse("reason", "must be at most " + MAX_REASON + " characters");
		}
		checks.throwIfAny();
		return ApprovalResponse.from(runs.decide(id, caller.id(), request.stepId(), decision, scope,
				request.reason() == null || request.reason().isBlank() ? null : request.reason().strip()));
	}

	private static <E extends Enum<E>> E parse(String field, @Nullable String value, Class<E> type, String allowed) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of(field, "must be " + allowed);
		}
	}

	record DecisionRequest(@Nullable UUID stepId,
			@Schema(allowableValues = { "approve", "deny" }) @Nullable String decision,
			@Schema(allowableValues = { "once", "run", "always" }, defaultValue = "once") @Nullable String scope,
			@Schema(maxLength = MAX_REASON) @Nullable String reason) {
	}

	record RunResponse(UUID id, @Nullable UUID chatId, @Nullable UUID replyMessageId, @Nullable UUID agentId,
			@Nullable UUID parentRunId, String model, RunStatus status, @Nullable StopReason stopReason,
			Limits limits, Usage usage, @Nullable String error, @Nullable JsonNode structured, Instant startedAt,
			@Nullable Instant endedAt, @Nullable List<StepResponse> steps, @Nullable List<ApprovalResponse> approvals) {

		static RunResponse from(Run run, @Nullable List<Approval> approvals, JsonMapper json) {
			return new RunResponse(run.id(), run.chatId(), run.replyMessageId(), run.agentId(), run.parentRunId(),
					run.model(), run.status(), run.stopReason(),
					new Limits(run.maxSteps(), run.maxToolCalls(), run.tokenBudget(), run.deadline()),
					new Usage(run.promptTokens(), run.completionTokens(), run.promptTokens() + run.completionTokens(),
							run.costUsd()),
					run.error(), run.structured() == null ? null : json.readTree(run.structured()), run.startedAt(),
					run.endedAt(), approvals == null ? null : run.steps().stream().map(StepResponse::from).toList(),
					approvals == null ? null : approvals.stream().map(ApprovalResponse::from).toList());
		}
	}

	record Limits(int maxSteps, int maxToolCallsPerStep, @Nullable Integer tokenBudget, Instant deadline) {
	}

	record Usage(int promptTokens, int completionTokens, int totalTokens, BigDecimal costUsd) {
	}

	record StepResponse(UUID id, int ordinal, StepKind kind, StepStatus status, @Nullable String tool,
			@Nullable String toolCallId, @Nullable String arguments, @Nullable String resultSummary, @Nullable Boolean ok,
			@Nullable Integer promptTokens, @Nullable Integer completionTokens, @Nullable BigDecimal costUsd,
			Instant startedAt, @Nullable Instant endedAt) {

		static StepResponse from(RunStep step) {
			return new StepResponse(step.id(), step.ordinal(), step.kind(), step.status(), step.tool(),
					step.toolCallId(), step.arguments(), step.resultSummary(), step.ok(), step.promptTokens(),
					step.completionTokens(), step.costUsd(), step.startedAt(), step.endedAt());
		}
	}

	record ApprovalResponse(UUID id, UUID runId, UUID stepId, String tool, ApprovalDecision decision,
			ApprovalScope scope, @Nullable String reason,
			@Schema(description = "who decided; absent when the decision was a timeout") @Nullable UUID decidedBy,
			Instant decidedAt,
			@Schema(description = "nobody decided by the deadline of its feedback request, which decided so")
			boolean timedOut) {

		static ApprovalResponse from(Approval approval) {
			return new ApprovalResponse(approval.id(), approval.runId(), approval.stepId(), approval.tool(),
					approval.decision(), approval.scope(), approval.reason(), approval.decidedBy(), approval.decidedAt(),
					approval.timedOut());
		}
	}
}
