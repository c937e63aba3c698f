package dev.parley.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code analytics_events} table: events written in batches, read back newest first. */
@Component
class AnalyticsEventStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	AnalyticsEventStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** Stores the events in one batch: all of them, or none when one is refused. */
	void insert(List<AnalyticsEvent> events) {
		template.batchUpdate("""
				insert into analytics_events (id, user_id, name, source, properties, occurred_at, received_at)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""", events, events.size(), (statement, event) -> {
			statement.setObject(1, event.id());
			statement.setObject(2, event.userId());
			statement.setString(3, event.name());
			statement.setString(4, event.source());
			statement.setString(5, json.writeValueAsString(event.properties()));
			statement.setObject(6, event.occurredAt().atOffset(ZoneOffset.UTC));
			statement.setObject(7, event.receivedAt().atOffset(ZoneOffset.UTC));
		});
	}

	/**
	 * A page of events, newest first, after {@code cursor}; one row more than {@code limit} tells
	 * that a next page exists.
	 * @param userId whose events, or {@code null} for everyone's
	 */
	List<AnalyticsEvent> page(@Nullable UUID userId, EventFilter filter, @Nullable Cursor cursor, int limit) {
		return jdbc.sql("""
				select id, user_id, name, source, properties::text as properties, occurred_at, received_at
				from analytics_events
				where (cast(:userId as uuid) is null or user_id = :userId)
				  and (cast(:name as text) is null or name = :name)
				  and (cast(:source as text) is null or source = :source)
				  and occurred_at >= :from and occurred_at < :to
				  and (cast(:cursorAt as timestamptz) is null or (occurred_at, id) < (:cursorAt, :cursorId))
				order by occurred_at desc, id desc
				limit :limit""")
			.param("userId", userId)
			.param("name", filter.name())
			.param("source", filter.source())
			.param("from", filter.from().atOffset(ZoneOffset.UTC))
			.param("to", filter.to().atOffset(ZoneOffset.UTC))
			.param("cursorAt", cursor == null ? null : cursor.at().atOffset(ZoneOffset.UTC))
			.param("cursorId", cursor == null ? null : cursor.id())
			.param("limit", limit + 1)
			.query(this::event)
			.list();
	}

	/** Counts of server events by name within the range, for the chat statistics. */
	long count(@Nullable UUID userId, String name, Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) from analytics_events
				where (cast(:userId as uuid) is null or user_id = :userId) and name = :name
				  and occurred_at >= :from and occurred_at < :to""")
			.param("userId", userId)
			.param("name", name)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private AnalyticsEvent event(ResultSet row, int rowNumber) throws SQLException {
		return new AnalyticsEvent(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("name"), row.getString("source"),
				json.readValue(row.getString("properties"), JsonDocument.class), instant(row, "occurred_at"),
				instant(row, "received_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp.toInstant();
	}

	/** What a listing keeps: a name and a source when given, and a time range (to exclusive). */
	record EventFilter(@Nullable String name, @Nullable String source, Instant from, Instant to) {
	}
}
