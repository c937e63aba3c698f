package dev.parley.agents.tools;

import java.util.List;
import java.util.UUID;

/**
 * Where tools come from: the built-in ones, each MCP server a user registered, a user's data
 * connections. A bean; the {@link Toolbox} asks every source.
 */
public interface ToolSource {

	/** The tools this source offers this user now, by their full names. */
	List<Tool> toolsFor(UUID userId);
}
