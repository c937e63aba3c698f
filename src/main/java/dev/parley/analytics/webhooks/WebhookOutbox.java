package dev.parley.analytics.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable outbox: one delivery row per event per endpoint that wants it, written in the
 * transaction of what the event tells, so a restart loses none. Which event types any endpoint
 * wants is kept in memory and re-read every second (and at once on this node when an endpoint
 * changes), so events nobody subscribed to cost no database round trip.
 */
@Component
class WebhookOutbox {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Set<String> subscribed;

	WebhookOutbox(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.clock = clock;
		this.subscribed = readSubscriptions();
	}

	/**
	 * Queues {@code type} for the user's own endpoints that want it and for everyone's ({@code all})
	 * endpoints that want it.
	 */
	void enqueue(String type, UUID userId, Map<String, Object> data) {
		if (!subscribed.contains(type)) {
			return;
		}
		List<UUID> endpoints = jdbc.sql("""
				select id from webhook_endpoints
				where status = 'active' and :type = any(events) and (user_id = :userId or scope = 'all')
				order by id""")
			.param("type", type)
			.param("userId", userId)
			.query(UUID.class)
			.list();
		if (endpoints.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("timestamp", now.toString());
		Map<String, Object> payloadData = new LinkedHashMap<>(data);
		payloadData.put("user_id", userId.toString());
		body.put("data", payloadData);
		String payload = json.writeValueAsString(body);
		template.batchUpdate("""
				insert into webhook_deliveries (id, endpoint_id, event_type, payload, status, attempts, next_attempt_at,
				                                created_at)
				values (?, ?, ?, ?, 'pending', 0, ?, ?)""", endpoints, endpoints.size(), (statement, endpoint) -> {
			statement.setObject(1, Ids.next());
			statement.setObject(2, endpoint);
			statement.setString(3, type);
			statement.setString(4, payload);
			statement.setObject(5, now.atOffset(ZoneOffset.UTC));
			statement.setObject(6, now.atOffset(ZoneOffset.UTC));
		});
	}

	@Scheduled(fixedDelayString = "${parley.analytics.webhooks.subscriptions-refresh:1s}")
	void refreshSubscriptions() {
		subscribed = readSubscriptions();
	}

	private Set<String> readSubscriptions() {
		return Set.copyOf(jdbc.sql("select distinct unnest(events) from webhook_endpoints where status = 'active'")
			.query(String.class)
			.list());
	}
}
