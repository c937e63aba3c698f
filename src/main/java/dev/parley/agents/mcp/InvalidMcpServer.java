package dev.parley.agents.mcp;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A field of an MCP server request that the rules refuse. */
class InvalidMcpServer extends ParleyException {

	private final String field;

	InvalidMcpServer(String field, String reason) {
		super(ProblemKind.INVALID_REQUEST, reason);
		this.field = field;
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of(field, getMessage());
	}
}
