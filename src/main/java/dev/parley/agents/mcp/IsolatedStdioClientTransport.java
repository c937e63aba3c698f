package dev.parley.agents.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;

/**
 * The SDK's stdio transport, starting its process with only the environment its
 * {@link ServerParameters} name (the SDK's few safe variables such as {@code PATH} and
 * {@code HOME}, plus the configured ones). The SDK's own starts from this server's whole
 * environment, which holds {@code SECRET_KEY}, {@code PARLEY_ENCRYPTION_KEY}, the database URL
 * and the provider keys: none of them is a tool's business.
 */
final class IsolatedStdioClientTransport extends StdioClientTransport {

	IsolatedStdioClientTransport(ServerParameters parameters) {
		super(parameters, McpJsonDefaults.getMapper());
	}

	@Override
	protected ProcessBuilder getProcessBuilder() {
		ProcessBuilder builder = new ProcessBuilder();
		builder.environment().clear();
		return builder;
	}
}
