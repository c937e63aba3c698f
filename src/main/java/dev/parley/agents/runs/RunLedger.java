package dev.parley.agents.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.Ids;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's SQL: runs and their steps, written step by step as a run goes (a step is written
 * before what it records happens). Reads always name the owner.
 */
@Repository
class RunLedger {

	private final JdbcClient jdbc;

	RunLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID insert(NewRun run, Instant now) {
		UUID id = Ids.next();
		jdbc.sql("""
				insert into runs (id, user_id, chat_id, reply_message_id, agent_id, parent_run_id, parent_step_id, model,
				status, max_steps, max_tool_calls, token_budget, deadline, started_at, updated_at, version)
				values (:id, :userId, :chatId, :replyMessageId, :agentId, :parentRunId, :parentStepId, :model, 'RUNNING',
				:maxSteps, :maxToolCalls, :tokenBudget, :deadline, :now, :now, 0)""")
			.param("id", id)
			.param("userId", run.userId())
			.param("chatId", run.chatId())
			.param("replyMessageId", run.replyMessageId())
			.param("agentId", run.agentId())
			.param("parentRunId", run.parentRunId())
			.param("parentStepId", run.parentStepId())
			.param("model", run.model())
			.param("maxSteps", run.maxSteps())
			.param("maxToolCalls", run.maxToolCalls())
			.param("tokenBudget", run.tokenBudget())
			.param("deadline", Timestamps.sql(run.deadline()))
			.param("now", Timestamps.sql(now))
			.update();
		return id;
	}

	Optional<Run> find(UUID runId, UUID userId) {
		return jdbc.sql("select " + RunRows.RUN_COLUMNS + " from runs where id = :id and user_id = :userId")
			.param("id", runId)
			.param("userId", userId)
			.query(RunRows::run)
			.optional()
			.map(run -> run.withSteps(steps(run.id())));
	}

	Optional<Run> findForReply(UUID replyMessageId, UUID userId) {
		return jdbc.sql("select " + RunRows.RUN_COLUMNS + " from runs where reply_message_id = :reply and user_id = :userId")
			.param("reply", replyMessageId)
			.param("userId", userId)
			.query(RunRows::run)
			.optional();
	}

	/** A page of a chat's runs, newest first, without their steps. */
	List<Run> pageForChat(UUID chatId, UUID userId, @Nullable Cursor after, int rows) {
		String sql = "select " + RunRows.RUN_COLUMNS + " from runs where chat_id = :chatId and user_id = :userId"
				+ (after == null ? "" : " and (started_at, id) < (:afterAt, :afterId)")
				+ " order by started_at desc, id desc limit :rows";
		JdbcClient.StatementSpec query = jdbc.sql(sql)
			.param("chatId", chatId)
			.param("userId", userId)
			.param("rows", rows);
		if (after != null) {
			query = query.param("afterAt", Timestamps.sql(after.at())).param("afterId", after.id());
		}
		return query.query(RunRows::run).list();
	}

	List<RunStep> steps(UUID runId) {
		return jdbc.sql("select * from run_steps where run_id = :runId order by ordinal")
			.param("runId", runId)
			.query(RunRows::step)
			.list();
	}

	Optional<RunStep> step(UUID runId, UUID stepId) {
		return jdbc.sql("select * from run_steps where run_id = :runId and id = :stepId")
			.param("runId", runId)
			.param("stepId", stepId)
			.query(RunRows::step)
			.optional();
	}

	RunStep insertStep(UUID runId, StepKind kind, @Nullable String tool, @Nullable String toolCallId,
			@Nullable String arguments, @Nullable String argumentsSha256, StepStatus status, Instant now) {
		UUID id = Ids.next();
		int ordinal = jdbc.sql("""
				insert into run_steps (id, run_id, ordinal, kind, tool, tool_call_id, arguments, arguments_sha256, status,
				started_at)
				select :id, :runId, coalesce(max(ordinal), 0) + 1, :kind, :tool, :toolCallId, :arguments, :hash, :status, :now
				from run_steps where run_id = :runId
				having exists (select 1 from runs where id = :runId)
				returning ordinal""")
			.param("id", id)
			.param("runId", runId)
			.param("kind", kind.name())
			.param("tool", tool)
			.param("toolCallId", toolCallId)
			.param("arguments", arguments)
			.param("hash", argumentsSha256)
			.param("status", status.name())
			.param("now", Timestamps.sql(now))
			.query(Integer.class)
			.optional()
			.orElseThrow(RunNotFound::new);
		return new RunStep(id, runId, ordinal, kind, tool, toolCallId, arguments, argumentsSha256, null, null, null,
				null, status, null, null, null, now, null);
	}

	/** Ends a model step with what it said and cost, and adds that to its run. */
	void finishModelStep(UUID runId, UUID stepId, StepStatus status, String content, int promptTokens,
			int completionTokens, BigDecimal cost, Instant now) {
		jdbc.sql("""
				update run_steps set status = :status, content = :content, prompt_tokens = :prompt,
				completion_tokens = :completion, cost_usd = :cost, ok = :ok, ended_at = :now where id = :stepId""")
			.param("status", status.name())
			.param("content", content)
			.param("prompt", promptTokens)
			.param("completion", completionTokens)
			.param("cost", cost)
			.param("ok", status == StepStatus.COMPLETED)
			.param("now", Timestamps.sql(now))
			.param("stepId", stepId)
			.update();
		jdbc.sql("""
				update runs set prompt_tokens = prompt_tokens + :prompt, completion_tokens = completion_tokens + :completion,
				cost_usd = cost_usd + :cost, updated_at = :now, version = version + 1 where id = :runId""")
			.param("prompt", promptTokens)
			.param("completion", completionTokens)
			.param("cost", cost)
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.update();
	}

	/** Ends a tool step with its result; only a step still running or awaiting a decision changes. */
	boolean finishToolStep(UUID stepId, StepStatus status, @Nullable Boolean ok, String result, String summary,
			Instant now) {
		return jdbc.sql("""
				update run_steps set status = :status, ok = :ok, result = :result, result_summary = :summary, ended_at = :now
				where id = :stepId and status in ('RUNNING', 'AWAITING_APPROVAL')""")
			.param("status", status.name())
			.param("ok", ok)
			.param("result", result)
			.param("summary", summary)
			.param("now", Timestamps.sql(now))
			.param("stepId", stepId)
			.update() == 1;
	}

	/** A step awaiting a decision runs now: only one decision can start it. */
	boolean startAwaitingStep(UUID stepId, Instant now) {
		return jdbc.sql("""
				update run_steps set status = 'RUNNING', started_at = :now where id = :stepId and status = 'AWAITING_APPROVAL'""")
			.param("now", Timestamps.sql(now))
			.param("stepId", stepId)
			.update() == 1;
	}

	void status(UUID runId, RunStatus status, Instant now) {
		jdbc.sql("update runs set status = :status, updated_at = :now, version = version + 1 where id = :runId")
			.param("status", status.name())
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.update();
	}

	/**
	 * A paused run goes on, with a new deadline (the time it waited for a person does not count):
	 * only one caller gets it.
	 */
	boolean resumeIfAwaiting(UUID runId, Instant deadline, Instant now) {
		return jdbc.sql("""
				update runs set status = 'RUNNING', deadline = :deadline, updated_at = :now, version = version + 1
				where id = :runId and status = 'AWAITING_APPROVAL'""")
			.param("deadline", Timestamps.sql(deadline))
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.update() == 1;
	}

	/**
	 * Ends a run of one model call and records that call as its only step, in one statement: how a
	 * plain turn (no tools) keeps its ledger at the cost of a single write.
	 */
	boolean finishWithModelStep(UUID runId, RunStatus status, StopReason reason, StepStatus stepStatus, String content,
			int promptTokens, int completionTokens, BigDecimal cost, @Nullable String error, Instant startedAt,
			Instant now) {
		return jdbc.sql("""
				with step as (
				    insert into run_steps (id, run_id, ordinal, kind, content, prompt_tokens, completion_tokens, cost_usd, ok,
				                           status, started_at, ended_at)
				    select :stepId, :runId, 1, 'MODEL', :content, :prompt, :completion, :cost, :ok, :stepStatus, :startedAt, :now
				    where exists (select 1 from runs where id = :runId and status = 'RUNNING'))
				update runs set status = :status, stop_reason = :reason, prompt_tokens = :prompt, completion_tokens = :completion,
				cost_usd = :cost, error = :error, ended_at = :now, updated_at = :now, version = version + 1
				where id = :runId and status = 'RUNNING'""")
			.param("stepId", Ids.next())
			.param("runId", runId)
			.param("content", content)
			.param("prompt", promptTokens)
			.param("completion", completionTokens)
			.param("cost", cost)
			.param("ok", stepStatus == StepStatus.COMPLETED)
			.param("stepStatus", stepStatus.name())
			.param("startedAt", Timestamps.sql(startedAt))
			.param("now", Timestamps.sql(now))
			.param("status", status.name())
			.param("reason", reason.name())
			.param("error", error)
			.update() == 1;
	}

	/** Paused runs of any user whose every waiting step has a decision: they can go on. */
	List<Run> decidedAndWaiting(int limit) {
		return jdbc.sql("select " + RunRows.RUN_COLUMNS + """
				 from runs r where r.status = 'AWAITING_APPROVAL'
				and not exists (select 1 from run_steps s where s.run_id = r.id and s.status = 'AWAITING_APPROVAL'
				                and not exists (select 1 from approval_decisions d where d.step_id = s.id))
				order by r.updated_at limit :limit""")
			.param("limit", limit)
			.query(RunRows::run)
			.list();
	}

	/** Ends a run once: a run that has already ended keeps its ending. */
	boolean finish(UUID runId, RunStatus status, StopReason reason, @Nullable String error, @Nullable String structured,
			Instant now) {
		return jdbc.sql("""
				update runs set status = :status, stop_reason = :reason, error = :error, structured = cast(:structured as jsonb),
				ended_at = :now, updated_at = :now, version = version + 1
				where id = :runId and status in ('RUNNING', 'AWAITING_APPROVAL')""")
			.param("status", status.name())
			.param("reason", reason.name())
			.param("error", error)
			.param("structured", structured)
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.update() == 1;
	}

	/** Marks these runs, running on this node, as alive. */
	void heartbeat(Collection<UUID> runIds, Instant now) {
		if (runIds.isEmpty()) {
			return;
		}
		jdbc.sql("update runs set updated_at = :now where id = any(:ids) and status = 'RUNNING'")
			.param("now", Timestamps.sql(now))
			.param("ids", runIds.toArray(UUID[]::new))
			.update();
	}

	/**
	 * Ends the runs no node has kept alive since {@code staleBefore}: their running tool steps become
	 * interrupted (never run again), the runs fail. Runs awaiting approval are left alone.
	 * @return how many runs were ended
	 */
	int sweepAbandoned(Instant staleBefore, Instant now) {
		OffsetDateTime stale = Timestamps.sql(staleBefore);
		jdbc.sql("""
				update run_steps s set status = 'INTERRUPTED', ended_at = :now,
				result_summary = 'interrupted: the server stopped while this step ran'
				from runs r where s.run_id = r.id and r.status = 'RUNNING' and r.updated_at < :stale and s.status = 'RUNNING'""")
			.param("now", Timestamps.sql(now))
			.param("stale", stale)
			.update();
		return jdbc.sql("""
				update runs set status = 'FAILED', stop_reason = 'ERROR', error = 'The server stopped while the run was going.',
				ended_at = :now, updated_at = :now, version = version + 1 where status = 'RUNNING' and updated_at < :stale""")
			.param("now", Timestamps.sql(now))
			.param("stale", stale)
			.update();
	}
}
