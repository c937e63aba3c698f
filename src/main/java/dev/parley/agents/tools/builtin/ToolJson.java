package dev.parley.agents.tools.builtin;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the built-in tools answer with: objects built field by field, snake_case names. */
final class ToolJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ToolJson() {
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	static String text(ObjectNode node) {
		return JSON.writeValueAsString(node);
	}
}
