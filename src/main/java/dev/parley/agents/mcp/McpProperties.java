package dev.parley.agents.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of MCP servers; application.yaml names the environment variable of each.
 *
 * @param connectTimeout the longest a connection to a server may take ({@code PARLEY_MCP_CONNECT_TIMEOUT})
 * @param requestTimeout the longest one request (initialise, list tools, call a tool) may take
 *     ({@code PARLEY_MCP_REQUEST_TIMEOUT}); a tool call also stops at its run's deadline
 * @param maxClients how many servers this node keeps connected at once; the least recently used
 *     one is closed beyond that
 * @param idleTimeout how long an unused connection stays open
 * @param toolsTtl how long a server's list of tools is reused before it is asked again
 * @param retryAfter how long a server that failed is left alone before the next attempt (its
 *     tools are missing meanwhile; {@code GET /api/v1/mcp-servers/{id}/tools} always tries)
 * @param stdio servers started as local processes, by name: operators' configuration only, offered
 *     to every user
 */
@ConfigurationProperties("parley.agents.mcp")
record McpProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("100") int maxClients, @DefaultValue("10m") Duration idleTimeout,
		@DefaultValue("60s") Duration toolsTtl, @DefaultValue("30s") Duration retryAfter,
		@DefaultValue Map<String, Stdio> stdio) {

	McpProperties {
		stdio.keySet().forEach(name -> {
			if (!McpServerInput.NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("parley.agents.mcp.stdio." + name
						+ ": a server's name must be 1 to 32 of a-z, 0-9, _ and -");
			}
		});
	}

	/**
	 * A server started as a local process, spoken to over its standard input and output.
	 *
	 * @param command the program
	 * @param args its arguments
	 * @param env environment variables it gets besides the server's own
	 */
	record Stdio(String command, @DefaultValue List<String> args, @DefaultValue Map<String, String> env) {

		/** Never shows the environment's values: they are often keys. */
		@Override
		public String toString() {
			return "Stdio[command=" + command + ", args=" + args.size() + ", env=" + env.keySet() + "]";
		}
	}
}
