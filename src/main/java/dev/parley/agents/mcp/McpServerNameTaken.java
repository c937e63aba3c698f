package dev.parley.agents.mcp;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The caller already has an MCP server of this name, or the server configures one: names make tool names. */
class McpServerNameTaken extends ParleyException {

	McpServerNameTaken(String name) {
		super(ProblemKind.CONFLICT, "You already have an MCP server named " + name + ".");
	}
}
