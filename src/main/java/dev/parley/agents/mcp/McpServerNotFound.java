package dev.parley.agents.mcp;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No MCP server with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
class McpServerNotFound extends ParleyException {

	McpServerNotFound() {
		super(ProblemKind.NOT_FOUND, "No such MCP server.");
	}
}
