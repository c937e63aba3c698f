package dev.parley.agents.mcp;

import java.util.List;
import java.util.TreeSet;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A stdio MCP server for the tests, run as its own process (a {@code java} command an operator's
 * configuration names): {@code whoami} answers with the {@code FAKE_GREETING} environment variable
 * the configuration passes, {@code environment} with the names of every variable it sees.
 */
public final class FakeStdioMcpServer {

	private FakeStdioMcpServer() {
	}

	/** The command line that starts it with the tests' class path, logging nothing on stdout. */
	static List<String> commandLine() {
		return List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), FakeStdioMcpServer.class.getName());
	}

	public static void main(String[] args) throws InterruptedException {
		String greeting = System.getenv().getOrDefault("FAKE_GREETING", "nobody");
		McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper()))
			.serverInfo("fake-stdio", "1.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.toolCall(McpSchema.Tool.builder("whoami", McpJsonDefaults.getMapper(), FakeMcpServer.EMPTY_OBJECT_SCHEMA)
				.description("Says who runs it")
				.build(),
					(exchange, request) -> McpSchema.CallToolResult.builder()
						.content(List.of(new McpSchema.TextContent("run by " + greeting)))
						.isError(false)
						.build())
			.toolCall(McpSchema.Tool.builder("environment", McpJsonDefaults.getMapper(), FakeMcpServer.EMPTY_OBJECT_SCHEMA)
				.description("Names the environment variables it sees")
				.build(),
					(exchange, request) -> McpSchema.CallToolResult.builder()
						.content(List.of(new McpSchema.TextContent(String.join(",", new TreeSet<>(System.getenv().keySet())))))
						.isError(false)
						.build())
			.build();
		// The transport reads stdin on threads of its own; the process ends when Parley closes the pipe.
		Thread.currentThread().join();
	}
}
