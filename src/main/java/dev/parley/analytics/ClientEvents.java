package dev.parley.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.platform.Ids;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.JsonDocument;
import dev.parley.platform.TimeRange;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events clients send: one event object, or an array of up to {@value #MAX_BATCH}. Every
 * event of a batch is checked before any is stored, and every invalid field of every event is
 * reported at once ({@code [2].name}); a valid batch is stored whole.
 */
@Component
class ClientEvents {

	static final int MAX_BATCH = 100;

	/** Properties are a description, not storage. */
	static final int MAX_PROPERTIES_BYTES = 8 * 1024;

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

	static final int MAX_NAME_LENGTH = 64;

	/** How far ahead of the server's clock a client's {@code occurred_at} may be (clock skew). */
	static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	private final AnalyticsEventStore store;

	private final JsonMapper json;

	private final Clock clock;

	ClientEvents(AnalyticsEventStore store, JsonMapper json, Clock clock) {
		this.store = store;
		this.json = json;
		this.clock = clock;
	}

	List<AnalyticsEvent> track(UUID userId, JsonNode body) {
		boolean batch = body.isArray();
		if (!batch && !body.isObject()) {
			throw InvalidFields.of("body", "must be an event object or an array of them");
		}
		List<JsonNode> items = new ArrayList<>();
		body.forEach(items::add);
		if (!batch) {
			items = List.of(body);
		}
		if (items.isEmpty() || items.size() > MAX_BATCH) {
			throw InvalidFields.of("body", "must hold 1 to " + MAX_BATCH + " events");
		}
		Instant now = clock.instant();
		Map<String, String> invalid = new LinkedHashMap<>();
		List<AnalyticsEvent> events = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			String prefix = batch ? "[" + i + "]." : "";
			AnalyticsEvent event = event(userId, items.get(i), prefix, now, invalid);
			if (event != null) {
				events.add(event);
			}
		}
		if (!invalid.isEmpty()) {
			throw new InvalidEvents(invalid);
		}
		store.insert(events);
		return events;
	}

	private @Nullable AnalyticsEvent event(UUID userId, JsonNode item, String prefix, Instant now, Map<String, String> invalid) {
		if (!item.isObject()) {
			invalid.put(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must be an event object");
			return null;
		}
		String name = name(item.get("name"), prefix, invalid);
		JsonDocument properties = properties(item.get("properties"), prefix, invalid);
		Instant occurredAt = occurredAt(item.get("occurred_at"), prefix, now, invalid);
		item.propertyNames().forEach(field -> {
			if (!field.equals("name") && !field.equals("properties") && !field.equals("occurred_at")) {
				invalid.put(prefix + field, "is not a field of an event (name, properties, occurred_at)");
			}
		});
		if (name == null || properties == null || occurredAt == null) {
			return null;
		}
		return new AnalyticsEvent(Ids.next(), userId, name, AnalyticsEvent.CLIENT, properties, occurredAt, now);
	}

	private static @Nullable String name(@Nullable JsonNode name, String prefix, Map<String, String> invalid) {
		if (name == null || !name.isString()) {
			invalid.put(prefix + "name", "is required: a string");
			return null;
		}
		String text = name.stringValue();
		if (text.length() > MAX_NAME_LENGTH || !NAME.matcher(text).matches()) {
			invalid.put(prefix + "name", "must be lower-case letters, digits and _ in dot-separated parts "
					+ "(button_clicked, chat.exported), at most " + MAX_NAME_LENGTH + " characters");
			return null;
		}
		return text;
	}

	private @Nullable JsonDocument properties(@Nullable JsonNode properties, String prefix, Map<String, String> invalid) {
		if (properties == null || properties.isNull()) {
			return JsonDocument.empty();
		}
		JsonDocument document;
		try {
			document = json.treeToValue(properties, JsonDocument.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			invalid.put(prefix + "properties", "must be a JSON object");
			return null;
		}
		if (json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTIES_BYTES) {
			invalid.put(prefix + "properties", "must be at most " + MAX_PROPERTIES_BYTES + " bytes of JSON");
			return null;
		}
		return document;
	}

	private static @Nullable Instant occurredAt(@Nullable JsonNode occurredAt, String prefix, Instant now, Map<String, String> invalid) {
		if (occurredAt == null || occurredAt.isNull()) {
			return now;
		}
		Instant instant;
		try {
			instant = occurredAt.isString() ? Instant.parse(occurredAt.stringValue()) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			instant = null;
		}
		if (instant == null) {
			invalid.put(prefix + "occurred_at", "must be an ISO-8601 instant (2026-12-01T10:15:30Z)");
			return null;
		}
		if (!TimeRange.contains(instant)) {
			invalid.put(prefix + "occurred_at", TimeRange.MESSAGE);
			return null;
		}
		if (instant.isAfter(now.plus(MAX_CLOCK_SKEW))) {
			invalid.put(prefix + "occurred_at", "must not be in the future");
			return null;
		}
		return instant;
	}

	/** A batch of events with invalid fields, all of them named. */
	static final class InvalidEvents extends InvalidFields {

		InvalidEvents(Map<String, String> fields) {
			super("The events are invalid.", fields);
		}
	}
}
