package dev.parley.agents.mcp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolSource;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools of the MCP servers a user may use: their own and the operator's stdio servers, each
 * tool as {@code mcp:<server>:<tool>}. A server that cannot be reached contributes no tools and
 * says why in its status; it never keeps the other sources' tools away.
 */
@Component
class McpToolSource implements ToolSource {

	private static final Logger log = LoggerFactory.getLogger(McpToolSource.class);

	/** The names a tool may have here: what models accept in a tool name besides our prefix. */
	private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final McpServers servers;

	private final McpConnections connections;

	private final McpProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	McpToolSource(McpServers servers, McpConnections connections, McpProperties properties, JsonMapper json,
			Clock clock) {
		this.servers = servers;
		this.connections = connections;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public List<Tool> toolsFor(UUID userId) {
		List<Tool> tools = new ArrayList<>();
		for (McpEndpoint endpoint : endpoints(userId)) {
			McpConnection connection = connections.to(endpoint);
			McpConnection.Listing listing = listing(endpoint, connection, false);
			if (listing.tools() != null) {
				tools.addAll(tools(endpoint, listing.tools()));
			}
		}
		return tools;
	}

	/** One server's tools, asked now. */
	McpServerTools live(McpServer server) {
		McpEndpoint.Remote endpoint = servers.endpoint(server);
		McpConnection connection = connections.to(endpoint);
		McpConnection.Listing listing = listing(endpoint, connection, true);
		List<McpTool> tools = listing.tools() == null ? List.of() : tools(endpoint, listing.tools());
		return new McpServerTools(listing, tools);
	}

	private McpConnection.Listing listing(McpEndpoint endpoint, McpConnection connection, boolean live) {
		McpConnection.Listing listing = connection.tools(live);
		if (listing.attempted() && endpoint instanceof McpEndpoint.Remote remote) {
			servers.recordStatus(remote, listing);
		}
		return listing;
	}

	private List<McpEndpoint> endpoints(UUID userId) {
		List<McpEndpoint> endpoints = new ArrayList<>();
		properties.stdio().forEach((name, stdio) -> endpoints.add(new McpEndpoint.Local(name, stdio)));
		servers.list(userId).forEach(server -> endpoints.add(servers.endpoint(server)));
		return endpoints;
	}

	private List<McpTool> tools(McpEndpoint endpoint, List<McpSchema.Tool> listed) {
		List<McpTool> tools = new ArrayList<>();
		for (McpSchema.Tool tool : listed) {
			if (!TOOL_NAME.matcher(tool.name()).matches()) {
				log.info("MCP server {} offers a tool whose name no model accepts; it is left out", endpoint.name());
				continue;
			}
			tools.add(new McpTool(endpoint.name(), tool, () -> connections.to(endpoint), properties.requestTimeout(),
					json, clock));
		}
		return tools;
	}

	/** What asking a server for its tools found, and the tools it offers. */
	record McpServerTools(McpConnection.Listing listing, List<McpTool> tools) {
	}
}
