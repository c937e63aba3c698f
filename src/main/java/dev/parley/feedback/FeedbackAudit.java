package dev.parley.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of feedback requests: one row per thing that happened, written once, never changed. */
@Repository
class FeedbackAudit {

	/** Details are sentences; an answer or a failure longer than this is cut. */
	private static final int DETAIL_CHARS = 2_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedbackAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(UUID requestId, FeedbackEvent.Type type, @Nullable String channel, @Nullable UUID actorId,
			@Nullable String detail) {
		jdbc.sql("""
				insert into feedback_events (id, request_id, type, channel, actor_id, detail, at)
				values (:id, :requestId, :type, :channel, :actor, :detail, :at)""")
			.param("id", Ids.next())
			.param("requestId", requestId)
			.param("type", type.name())
			.param("channel", channel)
			.param("actor", actorId)
			.param("detail", detail == null || detail.length() <= DETAIL_CHARS ? detail
					: detail.substring(0, DETAIL_CHARS - 1) + "…")
			.param("at", Timestamps.sql(clock.instant()))
			.update();
	}

	List<FeedbackEvent> of(UUID requestId) {
		return jdbc.sql("select * from feedback_events where request_id = :id order by at, id")
			.param("id", requestId)
			.query(FeedbackAudit::event)
			.list();
	}

	private static FeedbackEvent event(ResultSet row, int index) throws SQLException {
		return new FeedbackEvent(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class),
				FeedbackEvent.Type.valueOf(row.getString("type")), row.getString("channel"),
				row.getObject("actor_id", UUID.class), row.getString("detail"),
				row.getObject("at", OffsetDateTime.class).toInstant());
	}
}
