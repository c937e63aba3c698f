package dev.parley.agents.mcp;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The server was changed by another request while this one changed it; read it again and retry. */
class McpServerChangedConcurrently extends ParleyException {

	McpServerChangedConcurrently() {
		super(ProblemKind.CONFLICT, "The MCP server was changed meanwhile; read it again and retry.");
	}
}
