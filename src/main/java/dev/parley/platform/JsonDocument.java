package dev.parley.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A free-form JSON object a client owns (preferences, metadata). Stored as {@code jsonb}, sent and
 * received as the plain object it is. It is read as a JSON tree, so every key and value in it passes
 * the platform's checks of client JSON ({@link StorableText}).
 */
public final class JsonDocument {

	private final Map<String, Object> fields;

	private JsonDocument() {
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

	/** The document a JSON object holds; anything else is refused. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static JsonDocument from(JsonNode json) {
		if (!json.isObject()) {
			throw new IllegalArgumentException("must be a JSON object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) plain(json);
		return new JsonDocument(fields);
	}

	private static @Nullable Object plain(JsonNode json) {
		if (json.isObject()) {
			Map<String, Object> object = new LinkedHashMap<>();
			json.properties().forEach(property -> object.put(property.getKey(), plain(property.getValue())));
			return object;
		}
		if (json.isArray()) {
			List<Object> array = new ArrayList<>(json.size());
			json.forEach(element -> array.add(plain(element)));
			return array;
		}
		if (json.isString()) {
			return json.stringValue();
		}
		if (json.isNumber()) {
			return json.numberValue();
		}
		if (json.isBoolean()) {
			return json.booleanValue();
		}
		return null;
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
