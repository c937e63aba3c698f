/**
 * Tools: the {@link dev.parley.agents.tools.Tool} contract, where tools come from
 * ({@link dev.parley.agents.tools.ToolSource}: the built-in ones, MCP servers, a user's data
 * connections) and the {@link dev.parley.agents.tools.Toolbox} that finds them for a user.
 */
@NullMarked
package dev.parley.agents.tools;

import org.jspecify.annotations.NullMarked;
