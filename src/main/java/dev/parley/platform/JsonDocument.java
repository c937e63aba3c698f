package dev.parley.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A free-form JSON object a client owns (preferences, metadata). Stored as {@code jsonb}, sent and
 * received as the plain object it is.
 */
public final class JsonDocument {

	private final Map<String, Object> fields;

	@JsonCreator
	public JsonDocument() {
		this(new LinkedHashMap<>());
	}

	private JsonDocument(Map<String, Object> fields) {
		this.fields = fields;
	}

	public static JsonDocument of(Map<String, Object> fields) {
		return new JsonDocument(new LinkedHashMap<>(fields));
	}

	public static JsonDocument empty() {
		return new JsonDocument();
	}

	@JsonAnyGetter
	public Map<String, Object> fields() {
		return Collections.unmodifiableMap(fields);
	}

	@JsonAnySetter
	void put(String name, Object value) {
		fields.put(name, value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof JsonDocument document && fields.equals(document.fields);
	}

	@Override
	public int hashCode() {
		return fields.hashCode();
	}
}
