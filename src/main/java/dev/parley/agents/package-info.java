/**
 * Agents: turns ({@link dev.parley.agents.Turns}: a plain chat turn is an agent run without tools) and runs
 * (the step ledger), agents and projects, the tools a model may call
 * (built-in ones and those of MCP servers), approval policies, delegation and one-shot queries.
 */
@ApplicationModule(displayName = "Agents",
		allowedDependencies = { "feedback", "realtime", "ai", "conversations", "identity", "platform",
			"platform :: limits", "platform :: outbound" })
@NullMarked
package dev.parley.agents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
