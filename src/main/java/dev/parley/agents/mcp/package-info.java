/**
 * MCP servers: those users register under {@code /api/v1/mcp-servers} (streamable HTTP or SSE, their
 * URLs held to the outbound address guard, their headers sealed) and the stdio servers an operator
 * configures; their tools reach the {@link dev.parley.agents.tools.Toolbox} as
 * {@code mcp:<server>:<tool>} through {@link dev.parley.agents.mcp.McpToolSource}.
 */
@NullMarked
package dev.parley.agents.mcp;

import org.jspecify.annotations.NullMarked;
