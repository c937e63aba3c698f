package dev.parley.agents.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of approval decisions: written once, never changed (they are the audit trail). */
@Repository
class ApprovalRecords {

	private final JdbcClient jdbc;

	ApprovalRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Approval insert(Run run, RunStep step, ApprovalDecision decision, ApprovalScope scope, @Nullable String reason,
			@Nullable UUID decidedBy, boolean timedOut, Instant now) {
		Approval approval = new Approval(Ids.next(), run.id(), step.id(), run.agentId(), step.tool(),
				step.argumentsSha256(), decision, scope, reason, decidedBy, now, timedOut);
		jdbc.sql("""
				insert into approval_decisions (id, run_id, step_id, user_id, agent_id, tool, arguments_sha256, decision,
				scope, reason, decided_by, decided_at, timed_out)
				values (:id, :runId, :stepId, :userId, :agentId, :tool, :hash, :decision, :scope, :reason, :decidedBy, :now,
				:timedOut)""")
			.param("id", approval.id())
			.param("runId", run.id())
			.param("stepId", step.id())
			.param("userId", run.userId())
			.param("agentId", run.agentId())
			.param("tool", step.tool())
			.param("hash", step.argumentsSha256())
			.param("decision", decision.name())
			.param("scope", scope.name())
			.param("reason", reason)
			.param("decidedBy", decidedBy)
			.param("now", Timestamps.sql(now))
			.param("timedOut", timedOut)
			.update();
		return approval;
	}

	List<Approval> forRun(UUID runId) {
		return jdbc.sql("select * from approval_decisions where run_id = :runId order by decided_at, id")
			.param("runId", runId)
			.query(ApprovalRecords::approval)
			.list();
	}

	/** The decision that answers this very step, if one was made. */
	Optional<Approval> forStep(UUID stepId) {
		return jdbc.sql("select * from approval_decisions where step_id = :stepId order by decided_at desc limit 1")
			.param("stepId", stepId)
			.query(ApprovalRecords::approval)
			.optional();
	}

	/**
	 * The latest standing decision on the same call: made in this run with scope run or always, or
	 * for this agent with scope always.
	 */
	Optional<Approval> standing(UUID runId, @Nullable UUID agentId, String tool, String argumentsSha256) {
		return jdbc.sql("""
				select * from approval_decisions where tool = :tool and arguments_sha256 = :hash
				and ((run_id = :runId and scope in ('RUN', 'ALWAYS'))
				     or (cast(:agentId as uuid) is not null and agent_id = :agentId and scope = 'ALWAYS'))
				order by decided_at desc, id desc limit 1""")
			.param("tool", tool)
			.param("hash", argumentsSha256)
			.param("runId", runId)
			.param("agentId", agentId)
			.query(ApprovalRecords::approval)
			.optional();
	}

	private static Approval approval(ResultSet row, int index) throws SQLException {
		return new Approval(row.getObject("id", UUID.class), row.getObject("run_id", UUID.class),
				row.getObject("step_id", UUID.class), row.getObject("agent_id", UUID.class), row.getString("tool"),
				row.getString("arguments_sha256"), ApprovalDecision.valueOf(row.getString("decision")),
				ApprovalScope.valueOf(row.getString("scope")), row.getString("reason"),
				row.getObject("decided_by", UUID.class), row.getObject("decided_at", OffsetDateTime.class).toInstant(),
				row.getBoolean("timed_out"));
	}
}
