package dev.parley.agents.mcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How Parley speaks to an MCP server. Users may register the HTTP ones; stdio is configuration only. */
enum McpTransport {

	/** MCP's streamable HTTP (POST, answers as JSON or SSE). */
	STREAMABLE_HTTP("streamable-http"),
	/** The older HTTP+SSE transport (an SSE stream, messages POSTed to the endpoint it names). */
	SSE("sse"),
	/** A local process spoken to over its standard input and output. */
	STDIO("stdio");

	private final String wireName;

	McpTransport(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	String wireName() {
		return wireName;
	}

	static Optional<McpTransport> parse(String text) {
		String name = text.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(transport -> transport.wireName.equals(name)).findFirst();
	}

	static McpTransport fromWireName(String name) {
		return parse(name).orElseThrow(() -> new IllegalStateException("Unknown MCP transport " + name));
	}
}
