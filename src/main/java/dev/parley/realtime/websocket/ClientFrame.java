package dev.parley.realtime.websocket;

import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A frame from a client: a JSON object with a {@code type}, an optional {@code id} (echoed as
 * {@code reply_to} in the answers to it) and its fields. Every invalid field is reported at once,
 * in one validation problem; a field this type does not have is refused, never ignored.
 */
final class ClientFrame {

	static final int MAX_CONTENT = 100_000;

	private final JsonNode node;

	private final FieldChecks checks = new FieldChecks();

	private ClientFrame(JsonNode node) {
		this.node = node;
	}

	/** @throws InvalidFields when it is not an object with a string {@code type} */
	static ClientFrame of(JsonNode node) {
		if (!node.isObject() || !node.path("type").isString()) {
			throw InvalidFields.of("type", "is required: a frame is a JSON object with a type");
		}
		return new ClientFrame(node);
	}

	String type() {
		return node.path("type").asString();
	}

	/** The client's id for this frame, when it gave one (a string of at most 100 characters). */
	@Nullable String id() {
		JsonNode id = node.get("id");
		return id != null && id.isString() && id.asString().length() <= 100 ? id.asString() : null;
	}

	/** Refuses the fields this type does not have (besides {@code type} and {@code id}). */
	ClientFrame allow(Set<String> fields) {
		for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!name.equals("type") && !name.equals("id") && !fields.contains(name)) {
				checks.refuse(name, "is not a field of " + type());
			}
		}
		JsonNode id = node.get("id");
		if (id != null && !(id.isString() && id.asString().length() <= 100)) {
			checks.refuse("id", "must be a string of at most 100 characters");
		}
		return this;
	}

	@Nullable UUID uuid(String field, boolean required) {
		return uuid(node.get(field), field, required);
	}

	@Nullable UUID uuid(@Nullable JsonNode value, String field, boolean required) {
		if (value == null || value.isNull()) {
			if (required) {
				checks.refuse(field, "is required");
			}
			return null;
		}
		try {
			return UUID.fromString(value.isString() ? value.asString() : "");
		}
		catch (IllegalArgumentException ex) {
			checks.refuse(field, "must be a UUID");
			return null;
		}
	}

	@Nullable String text(String field, boolean required, int maxLength) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				checks.refuse(field, "is required");
			}
			return null;
		}
		if (!value.isString()) {
			checks.refuse(field, "must be a string");
			return null;
		}
		if (required && value.asString().isBlank()) {
			checks.refuse(field, "must not be blank");
			return null;
		}
		if (value.asString().length() > maxLength) {
			checks.refuse(field, "must be at most " + maxLength + " characters");
			return null;
		}
		return value.asString();
	}

	/** {@code after: {message_id, seq}} of a {@code subscribe}, or {@code null} without one. */
	@Nullable After after() {
		JsonNode after = node.get("after");
		if (after == null || after.isNull()) {
			return null;
		}
		if (!after.isObject()) {
			checks.refuse("after", "must be an object {message_id, seq}");
			return null;
		}
		for (Iterator<String> names = after.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!name.equals("message_id") && !name.equals("seq")) {
				checks.refuse("after." + name, "is not a field of after");
			}
		}
		UUID messageId = uuid(after.get("message_id"), "after.message_id", true);
		JsonNode seq = after.get("seq");
		if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
			checks.refuse("after.seq", "must be a whole number, 0 or more");
			return null;
		}
		return messageId == null ? null : new After(messageId, seq.asLong());
	}

	/** @throws InvalidFields naming every field that failed */
	void validate() {
		checks.throwIfAny();
	}

	/** Where a client's copy of a reply ends: it has every frame of the message up to {@code seq}. */
	record After(UUID messageId, long seq) {
	}
}
