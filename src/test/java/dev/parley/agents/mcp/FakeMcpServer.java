package dev.parley.agents.mcp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A real MCP server over HTTP for the tests (the MCP SDK's servlet transports on an embedded Tomcat
 * on a free port of 127.0.0.1), offering:
 * <ul>
 * <li>{@code echo}: no annotations (so MCP's defaults: destructive, open-world); answers
 * {@code echo: <text>}</li>
 * <li>{@code lookup}: read-only and closed-world; answers a text part and an image part</li>
 * <li>{@code explode}: answers with {@code isError} and a reason</li>
 * </ul>
 * It records every HTTP request it gets (with its {@code Authorization} header) and the arguments
 * of every call.
 */
final class FakeMcpServer implements AutoCloseable {

	static final String EMPTY_OBJECT_SCHEMA = """
			{"type": "object", "properties": {}}""";

	private final Tomcat tomcat;

	private final McpSyncServer server;

	private final String path;

	/** The Authorization header of each HTTP request ({@code ""} when absent), in order. */
	final List<String> authorizations = new CopyOnWriteArrayList<>();

	/** The arguments of each tool call, in order. */
	final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();

	final AtomicInteger requests = new AtomicInteger();

	private FakeMcpServer(boolean sse) {
		McpServer.SyncSpecification<?> spec;
		HttpServlet servlet;
		if (sse) {
			var transport = HttpServletSseServerTransportProvider.builder()
				.messageEndpoint("/mcp/message")
				.sseEndpoint("/sse")
				.contextExtractor(request -> {
					record(request.getHeader("Authorization"));
					return McpTransportContext.EMPTY;
				})
				.build();
			servlet = transport;
			spec = McpServer.sync(transport);
			path = "/sse";
		}
		else {
			var transport = HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").contextExtractor(request -> {
				record(request.getHeader("Authorization"));
				return McpTransportContext.EMPTY;
			}).build();
			servlet = transport;
			spec = McpServer.sync(transport);
			path = "/mcp";
		}
		server = spec.serverInfo("fake", "1.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.toolCall(McpSchema.Tool.builder("echo", McpJsonDefaults.getMapper(), """
					{"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}""")
				.description("Says the text back")
				.build(), (exchange, request) -> {
					calls.add(request.arguments());
					return text("echo: " + request.arguments().get("text"), false);
				})
			.toolCall(McpSchema.Tool.builder("lookup", McpJsonDefaults.getMapper(), EMPTY_OBJECT_SCHEMA)
				.description("Looks something up")
				.annotations(McpSchema.ToolAnnotations.builder().readOnlyHint(true).openWorldHint(false).build())
				.build(), (exchange, request) -> {
					calls.add(request.arguments());
					return McpSchema.CallToolResult.builder()
						.content(List.of(new McpSchema.TextContent("found it"),
								new McpSchema.ImageContent(null, "aGVsbG8h", "image/png")))
						.isError(false)
						.build();
				})
			.toolCall(McpSchema.Tool.builder("explode", McpJsonDefaults.getMapper(), EMPTY_OBJECT_SCHEMA)
				.description("Always fails")
				.build(), (exchange, request) -> {
					calls.add(request.arguments());
					return text("the fuse was wet", true);
				})
			.build();
		tomcat = start(servlet, path, sse);
	}

	static FakeMcpServer streamable() {
		return new FakeMcpServer(false);
	}

	static FakeMcpServer sse() {
		return new FakeMcpServer(true);
	}

	int port() {
		return tomcat.getConnector().getLocalPort();
	}

	/** The server's endpoint on 127.0.0.1. */
	String url() {
		return url("127.0.0.1");
	}

	/** The server's endpoint under another host name (one the tests map to loopback). */
	String url(String host) {
		return "http://" + host + ":" + port() + path;
	}

	void reset() {
		authorizations.clear();
		calls.clear();
		requests.set(0);
	}

	private void record(String authorization) {
		requests.incrementAndGet();
		authorizations.add(authorization == null ? "" : authorization);
	}

	private static McpSchema.CallToolResult text(String text, boolean error) {
		return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).isError(error).build();
	}

	private static Tomcat start(HttpServlet servlet, String path, boolean sse) {
		try {
			File base = Files.createTempDirectory("fake-mcp").toFile();
			Tomcat tomcat = new Tomcat();
			tomcat.setBaseDir(base.getAbsolutePath());
			Connector connector = new Connector();
			connector.setPort(0);
			connector.setProperty("address", "127.0.0.1");
			tomcat.setConnector(connector);
			Context context = tomcat.addContext("", base.getAbsolutePath());
			Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
			context.addServletMappingDecoded(path, "mcp");
			if (sse) {
				context.addServletMappingDecoded("/mcp/message", "mcp");
			}
			tomcat.start();
			return tomcat;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		server.closeGracefully();
		try {
			tomcat.stop();
			tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
