package dev.parley.agents.runs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SHA-256 of a tool call's arguments, which an approval is bound to: a decision applies only
 * to a call with exactly these arguments. Arguments are compared as JSON values (the order of keys
 * and the whitespace do not matter); text that is not JSON is hashed as it is.
 */
public final class ArgumentsHash {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ArgumentsHash() {
	}

	public static String of(String arguments) {
		return sha256(canonical(arguments));
	}

	static String canonical(String arguments) {
		try {
			return JSON.writeValueAsString(sorted(JSON.readTree(arguments)));
		}
		catch (JacksonException ex) {
			return arguments;
		}
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
			ObjectNode object = JSON.createObjectNode();
			fields.forEach(object::set);
			return object;
		}
		if (node.isArray()) {
			var array = JSON.createArrayNode();
			node.forEach(element -> array.add(sorted(element)));
			return array;
		}
		return node;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
