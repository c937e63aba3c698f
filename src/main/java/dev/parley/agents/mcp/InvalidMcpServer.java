package dev.parley.agents.mcp;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A field of an MCP server request that the rules refuse. */
class InvalidMcpServer extends InvalidFields {

	InvalidMcpServer(String field, String reason) {
		super(reason, Map.of(field, reason));
	}
}
