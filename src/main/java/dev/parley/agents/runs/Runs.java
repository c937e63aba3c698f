package dev.parley.agents.runs;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.agents.tools.PausingTool;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolCall;
import dev.parley.conversations.Chats;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.PageLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs' ledger, the module's record of what every run did: each model call and tool call is a
 * step written before it happens and ended with what it returned and cost; a tool call that needs
 * a person pauses its run durably until {@link #decide} records their decision. Reads name the
 * owner: another user's run fails with {@link RunNotFound} as an unknown id does.
 */
@Service
public class Runs {

	private final RunLedger ledger;

	private final ApprovalRecords approvals;

	private final Chats chats;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Runs(RunLedger ledger, ApprovalRecords approvals, Chats chats, ApplicationEventPublisher events, Clock clock) {
		this.ledger = ledger;
		this.approvals = approvals;
		this.chats = chats;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a run and gives its id, without reading it back (the hot path of a plain turn). */
	public UUID open(NewRun run) {
		return ledger.insert(run, clock.instant());
	}

	/**
	 * Ends a run that made one model call, with that call as its step, in one write.
	 * @param startedAt when the model was called
	 */
	public void finishWithModelStep(UUID runId, RunStatus status, StopReason reason, String content, int promptTokens,
			int completionTokens, BigDecimal cost, @Nullable String error, java.time.Instant startedAt) {
		ledger.finishWithModelStep(runId, status, reason,
				status == RunStatus.COMPLETED ? StepStatus.COMPLETED : StepStatus.FAILED, content, promptTokens,
				completionTokens, cost, error, startedAt, clock.instant());
	}

	public Run start(NewRun run) {
		return ledger.find(ledger.insert(run, clock.instant()), run.userId()).orElseThrow();
	}

	public Run get(UUID runId, UUID userId) {
		return ledger.find(runId, userId).orElseThrow(RunNotFound::new);
	}

	/** The run that writes this reply, if it is a run's (without its steps). */
	public Optional<Run> forReply(UUID replyMessageId, UUID userId) {
		return ledger.findForReply(replyMessageId, userId);
	}

	/** A page of a chat's runs, newest first, without their steps. */
	public CursorPage<Run> forChat(UUID chatId, UUID userId, @Nullable Cursor cursor, int limit) {
		chats.get(chatId, userId);
		int size = PageLimit.clamp(limit);
		return CursorPage.of(ledger.pageForChat(chatId, userId, cursor, size + 1), size,
				run -> new Cursor(run.startedAt(), run.id()).encode());
	}

	public RunStep beginModelStep(UUID runId) {
		return ledger.insertStep(runId, StepKind.MODEL, null, null, null, null, StepStatus.RUNNING, clock.instant());
	}

	public void endModelStep(UUID runId, UUID stepId, boolean ok, String content, int promptTokens,
			int completionTokens, BigDecimal cost) {
		ledger.finishModelStep(runId, stepId, ok ? StepStatus.COMPLETED : StepStatus.FAILED, content, promptTokens,
				completionTokens, cost, clock.instant());
	}

	/** Records a tool call before anything runs: running, awaiting a person, or already denied. */
	public RunStep recordToolCall(UUID runId, ToolCall call, StepStatus status) {
		return ledger.insertStep(runId, StepKind.TOOL, call.name(), call.id(), call.arguments(),
				ArgumentsHash.of(call.arguments()), status, clock.instant());
	}

	public void endToolStep(UUID stepId, ToolResult result) {
		ledger.finishToolStep(stepId, result.ok() ? StepStatus.COMPLETED : StepStatus.FAILED, result.ok(),
				result.content(), result.summary(), clock.instant());
	}

	/** A tool call that was refused (by policy or by a person): it never ran. */
	public void denyToolStep(UUID stepId, String reason) {
		ledger.finishToolStep(stepId, StepStatus.DENIED, false, "Denied: " + reason, "denied: " + reason,
				clock.instant());
	}

	/**
	 * Starts a step that waited for a person, exactly once.
	 * @return {@code false} when it was started (or ended) already
	 */
	public boolean startApprovedStep(UUID stepId) {
		return ledger.startAwaitingStep(stepId, clock.instant());
	}

	public void awaitApproval(UUID runId) {
		ledger.status(runId, RunStatus.AWAITING_APPROVAL, clock.instant());
	}

	public void resume(UUID runId) {
		ledger.status(runId, RunStatus.RUNNING, clock.instant());
	}

	/**
	 * A paused run goes on now with this much time from now, if nobody took it on already.
	 * @return whether the caller goes on with it
	 */
	public boolean resumeIfAwaiting(UUID runId, java.time.Duration timeBudget) {
		return ledger.resumeIfAwaiting(runId, clock.instant().plus(timeBudget), clock.instant());
	}

	/** Paused runs (of any user) whose every waiting tool call has a decision, oldest first. */
	public List<Run> decidedAndWaiting(int limit) {
		return ledger.decidedAndWaiting(limit);
	}

	/**
	 * Ends a run once.
	 * @param structured the parsed final answer (JSON text), or {@code null}
	 * @return {@code false} when it had ended already
	 */
	public boolean finish(UUID runId, RunStatus status, StopReason reason, @Nullable String error,
			@Nullable String structured) {
		return ledger.finish(runId, status, reason, error, structured, clock.instant());
	}

	public List<Approval> approvals(UUID runId) {
		return approvals.forRun(runId);
	}

	/** The decision that answers this step, if a person made one. */
	public Optional<Approval> decisionFor(UUID stepId) {
		return approvals.forStep(stepId);
	}

	/** A decision made earlier that covers this same call (scope run in this run, or always for the agent). */
	public Optional<Approval> standingDecision(Run run, String tool, String argumentsSha256) {
		return approvals.standing(run.id(), run.agentId(), tool, argumentsSha256);
	}

	/**
	 * Records a person's decision on a step awaiting one, bound to the hash of that step's exact
	 * arguments, and publishes {@link ApprovalDecided} so that the run goes on.
	 */
	@Transactional
	public Approval decide(UUID runId, UUID userId, UUID stepId, ApprovalDecision decision, ApprovalScope scope,
			@Nullable String reason) {
		return record(runId, userId, stepId, decision, scope, reason, userId, false);
	}

	/**
	 * As {@link #decide}, by {@code decidedBy}: a person a feedback request reached (the owner, or
	 * the one it was escalated to) decides on the owner's run.
	 */
	@Transactional
	public Approval decide(UUID runId, UUID userId, UUID stepId, ApprovalDecision decision, @Nullable String reason,
			UUID decidedBy) {
		return record(runId, userId, stepId, decision, ApprovalScope.ONCE, reason, decidedBy, false);
	}

	/**
	 * Nobody decided by the deadline of the step's feedback request, which said to go on as
	 * {@code decision}: recorded as a timeout, with no decider — never as a person's decision.
	 */
	@Transactional
	public Approval decideOnTimeout(UUID runId, UUID userId, UUID stepId, ApprovalDecision decision) {
		return record(runId, userId, stepId, decision, ApprovalScope.ONCE, "timed out: nobody decided in time", null,
				true);
	}

	private Approval record(UUID runId, UUID userId, UUID stepId, ApprovalDecision decision, ApprovalScope scope,
			@Nullable String reason, @Nullable UUID decidedBy, boolean timedOut) {
		Run run = get(runId, userId);
		RunStep step = ledger.step(runId, stepId)
			.orElseThrow(() -> InvalidFields.of("step_id", "is not a step of this run"));
		// An ask_human step waits for a person's answer, not for an approval.
		if (step.status() != StepStatus.AWAITING_APPROVAL || run.status() != RunStatus.AWAITING_APPROVAL
				|| PausingTool.ASK_HUMAN.equals(step.tool()) || approvals.forStep(stepId).isPresent()) {
			throw new StepNotAwaitingApproval();
		}
		Approval approval = approvals.insert(run, step, decision, scope, reason, decidedBy, timedOut, clock.instant());
		events.publishEvent(new ApprovalDecided(runId, stepId, userId, decision));
		return approval;
	}

	/**
	 * Ends a step that waited for a person's answer (an {@code ask_human} call) with what they
	 * answered (or that nobody did), and publishes {@link StepAnswered} so that the run goes on.
	 * @return {@code false} when the step no longer waited
	 */
	@Transactional
	public boolean answerStep(UUID runId, UUID userId, UUID stepId, ToolResult result) {
		get(runId, userId);
		// The run itself may not be paused yet: an answer faster than the pause is kept all the same,
		// and the run goes on from the ledger once paused.
		RunStep step = ledger.step(runId, stepId).orElse(null);
		if (step == null || step.status() != StepStatus.AWAITING_APPROVAL
				|| !ledger.finishToolStep(stepId, result.ok() ? StepStatus.COMPLETED : StepStatus.FAILED, result.ok(),
						result.content(), result.summary(), clock.instant())) {
			return false;
		}
		events.publishEvent(new StepAnswered(runId, stepId, userId));
		return true;
	}

	/** Ends the runs no node has kept alive since this long ago; see {@link RunLedger#sweepAbandoned}. */
	int sweepAbandoned(java.time.Duration staleAfter) {
		return ledger.sweepAbandoned(clock.instant().minus(staleAfter), clock.instant());
	}

	void heartbeat(java.util.Collection<UUID> runIds) {
		ledger.heartbeat(runIds, clock.instant());
	}
}
