package dev.parley.agents.mcp;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the last attempt to reach a server found. */
enum McpServerStatus {

	/** Not tried since it was registered or changed. */
	UNKNOWN("unknown"),
	/** It answered and listed its tools. */
	CONNECTED("connected"),
	/** It could not be reached, refused us, or answered with something that is not MCP. */
	FAILED("failed");

	private final String wireName;

	McpServerStatus(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	String wireName() {
		return wireName;
	}

	static McpServerStatus fromWireName(String name) {
		return Arrays.stream(values())
			.filter(status -> status.wireName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown MCP server status " + name));
	}
}
