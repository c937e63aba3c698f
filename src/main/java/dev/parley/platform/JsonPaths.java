package dev.parley.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

/**
 * Where a value sits in a JSON document, written as the problem's {@code field} names it:
 * {@code messages[0].content}, {@code preferences.theme}.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * The path of the value the parser is at: a scalar, or an object or array it has entered (at its
	 * start, or, as Jackson hands objects on, at their first key).
	 */
	static String ofCurrentValue(JsonParser parser) {
		TokenStreamContext context = parser.streamReadContext();
		JsonToken token = parser.currentToken();
		boolean entered = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
				|| token == JsonToken.PROPERTY_NAME || token == JsonToken.END_OBJECT;
		if (entered && context.getParent() != null) {
			context = context.getParent();
		}
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inArray()) {
				segments.push("[" + at.getCurrentIndex() + "]");
			}
			else if (at.currentName() != null) {
				segments.push("." + at.currentName());
			}
		}
		return strip(String.join("", segments));
	}

	/** {@code parent} followed by an object key. */
	static String key(String parent, String name) {
		return strip(parent + "." + name);
	}

	/** {@code parent} followed by an array index. */
	static String index(String parent, int index) {
		return parent + "[" + index + "]";
	}

	/** The path Jackson recorded while it unwound through the objects being read. */
	static String of(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return strip(path.toString());
	}

	private static String strip(String path) {
		return path.startsWith(".") ? path.substring(1) : path;
	}
}
