package dev.parley.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of feedback requests. Every change of status is one guarded update ({@code where status =
 * 'PENDING'}), so the first answer wins and a deadline is swept by exactly one node.
 */
@Repository
class FeedbackRecords {

	private final JdbcClient jdbc;

	FeedbackRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(FeedbackRequest request) {
		jdbc.sql("""
				insert into feedback_requests (id, recipient_id, kind, question, options, context, channels, on_timeout,
				deadline, escalate_at, escalate_channels, escalate_to_user_id, requester_user_id, requester_run_id,
				requester_step_id, status, created_at)
				values (:id, :recipient, :kind, :question, :options, :context, :channels, :onTimeout, :deadline,
				:escalateAt, :escalateChannels, :escalateTo, :requester, :runId, :stepId, 'PENDING', :now)""")
			.param("id", request.id())
			.param("recipient", request.recipientId())
			.param("kind", request.kind().name())
			.param("question", request.question())
			.param("options", request.options().toArray(String[]::new))
			.param("context", request.context())
			.param("channels", request.channels().toArray(String[]::new))
			.param("onTimeout", request.onTimeout().name())
			.param("deadline", Timestamps.sql(request.deadline()))
			.param("escalateAt", Timestamps.sql(request.escalateAt()))
			.param("escalateChannels", request.escalateChannels().toArray(String[]::new))
			.param("escalateTo", request.escalateToUserId())
			.param("requester", request.requesterUserId())
			.param("runId", request.runId())
			.param("stepId", request.stepId())
			.param("now", Timestamps.sql(request.createdAt()))
			.update();
	}

	Optional<FeedbackRequest> find(UUID id) {
		return jdbc.sql("select * from feedback_requests where id = :id")
			.param("id", id)
			.query(FeedbackRecords::request)
			.optional();
	}

	/** The requests this person may answer (theirs, and those escalated to them), newest first. */
	List<FeedbackRequest> page(UUID userId, @Nullable FeedbackStatus status, @Nullable Cursor after, int rows) {
		String sql = "select * from feedback_requests where (recipient_id = :userId"
				+ " or (escalate_to_user_id = :userId and escalated_at is not null))"
				+ (status == null ? "" : " and status = :status")
				+ (after == null ? "" : " and (created_at, id) < (:afterAt, :afterId)")
				+ " order by created_at desc, id desc limit :rows";
		JdbcClient.StatementSpec query = jdbc.sql(sql).param("userId", userId).param("rows", rows);
		if (status != null) {
			query = query.param("status", status.name());
		}
		if (after != null) {
			query = query.param("afterAt", Timestamps.sql(after.at())).param("afterId", after.id());
		}
		return query.query(FeedbackRecords::request).list();
	}

	/** Records the first answer; {@code empty} when the request is no longer pending or this person may not answer it. */
	Optional<FeedbackRequest> answer(UUID id, UUID answeredBy, String channel, String answer, Instant now) {
		return jdbc.sql("""
				update feedback_requests set status = 'ANSWERED', answer = :answer, answered_by = :by, answered_via = :via,
				answered_at = :now, ended_at = :now
				where id = :id and status = 'PENDING'
				and (recipient_id = :by or (escalate_to_user_id = :by and escalated_at is not null))
				returning *""")
			.param("answer", answer)
			.param("by", answeredBy)
			.param("via", channel)
			.param("now", Timestamps.sql(now))
			.param("id", id)
			.query(FeedbackRecords::request)
			.optional();
	}

	/**
	 * Claims the pending requests whose deadline passed: those that keep waiting are marked expired
	 * (once), the others time out. Each row is claimed by exactly one caller, on any node.
	 */
	List<FeedbackRequest> claimExpired(Instant now, int limit) {
		return jdbc.sql("""
				update feedback_requests set
				status = case when on_timeout = 'WAIT' then status else 'TIMED_OUT' end,
				expired_at = :now, ended_at = case when on_timeout = 'WAIT' then null else :now end
				where id in (select id from feedback_requests where status = 'PENDING' and expired_at is null
				             and deadline < :now order by deadline limit :limit for update skip locked)
				returning *""")
			.param("now", Timestamps.sql(now))
			.param("limit", limit)
			.query(FeedbackRecords::request)
			.list();
	}

	/** Claims the pending requests whose escalation is due, each by exactly one caller. */
	List<FeedbackRequest> claimEscalations(Instant now, int limit) {
		return jdbc.sql("""
				update feedback_requests set escalated_at = :now
				where id in (select id from feedback_requests where status = 'PENDING' and escalated_at is null
				             and escalate_at < :now order by escalate_at limit :limit for update skip locked)
				returning *""")
			.param("now", Timestamps.sql(now))
			.param("limit", limit)
			.query(FeedbackRecords::request)
			.list();
	}

	/** Cancels the pending requests a run's step waits on (it was decided another way). */
	List<UUID> cancelForStep(UUID runId, UUID stepId, Instant now) {
		return jdbc.sql("""
				update feedback_requests set status = 'CANCELLED', ended_at = :now
				where requester_run_id = :runId and requester_step_id = :stepId and status = 'PENDING' returning id""")
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.param("stepId", stepId)
			.query(UUID.class)
			.list();
	}

	/** Cancels every pending request of a run. */
	List<UUID> cancelForRun(UUID runId, Instant now) {
		return jdbc.sql("""
				update feedback_requests set status = 'CANCELLED', ended_at = :now
				where requester_run_id = :runId and status = 'PENDING' returning id""")
			.param("now", Timestamps.sql(now))
			.param("runId", runId)
			.query(UUID.class)
			.list();
	}

	private static FeedbackRequest request(ResultSet row, int index) throws SQLException {
		return new FeedbackRequest(row.getObject("id", UUID.class), row.getObject("recipient_id", UUID.class),
				FeedbackKind.valueOf(row.getString("kind")), row.getString("question"), strings(row, "options"),
				row.getString("context"), strings(row, "channels"), OnTimeout.valueOf(row.getString("on_timeout")),
				instant(row, "deadline"), optionalInstant(row, "escalate_at"), strings(row, "escalate_channels"),
				row.getObject("escalate_to_user_id", UUID.class), optionalInstant(row, "escalated_at"),
				row.getObject("requester_user_id", UUID.class), row.getObject("requester_run_id", UUID.class),
				row.getObject("requester_step_id", UUID.class), FeedbackStatus.valueOf(row.getString("status")),
				row.getString("answer"), row.getObject("answered_by", UUID.class), row.getString("answered_via"),
				optionalInstant(row, "answered_at"), optionalInstant(row, "expired_at"), instant(row, "created_at"),
				optionalInstant(row, "ended_at"));
	}

	private static List<String> strings(ResultSet row, String column) throws SQLException {
		Array array = row.getArray(column);
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
