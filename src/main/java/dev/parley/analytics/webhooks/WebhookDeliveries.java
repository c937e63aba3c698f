package dev.parley.analytics.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.Cursor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An endpoint's deliveries, newest first, and a delivery sent again on request. */
@Component
class WebhookDeliveries {

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookDeliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Delivery> page(UUID endpointId, @Nullable Cursor cursor, int limit) {
		return jdbc.sql("""
				select id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error,
				       created_at, ended_at
				from webhook_deliveries where endpoint_id = :endpointId
				  and (cast(:cursorAt as timestamptz) is null or (created_at, id) < (:cursorAt, :cursorId))
				order by created_at desc, id desc limit :limit""")
			.param("endpointId", endpointId)
			.param("cursorAt", cursor == null ? null : cursor.at().atOffset(ZoneOffset.UTC))
			.param("cursorId", cursor == null ? null : cursor.id())
			.param("limit", limit + 1)
			.query(WebhookDeliveries::delivery)
			.list();
	}

	/**
	 * Queues a delivery that has ended (succeeded or failed) for one more round of attempts, now.
	 * @return whether there was such a delivery that had ended
	 */
	boolean retry(UUID endpointId, UUID deliveryId) {
		return jdbc.sql("""
				update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = :now, ended_at = null
				where id = :id and endpoint_id = :endpointId and status <> 'pending'""")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", deliveryId)
			.param("endpointId", endpointId)
			.update() == 1;
	}

	boolean exists(UUID endpointId, UUID deliveryId) {
		return jdbc.sql("select count(*) from webhook_deliveries where id = :id and endpoint_id = :endpointId")
			.param("id", deliveryId)
			.param("endpointId", endpointId)
			.query(Long.class)
			.single() == 1;
	}

	private static Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
		int code = row.getInt("last_status_code");
		Integer statusCode = row.wasNull() ? null : code;
		return new Delivery(row.getObject("id", UUID.class), row.getString("event_type"), row.getString("status"),
				row.getInt("attempts"), statusCode, row.getString("last_error"),
				"pending".equals(row.getString("status")) ? instant(row, "next_attempt_at") : null,
				instant(row, "created_at"), instant(row, "ended_at"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * One event for one endpoint.
	 * @param status {@code pending}, {@code succeeded} or {@code failed}
	 * @param nextAttemptAt when a pending delivery is tried next
	 */
	record Delivery(UUID id, String eventType, String status, int attempts, @Nullable Integer responseStatusCode,
			@Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant endedAt) {
	}
}
