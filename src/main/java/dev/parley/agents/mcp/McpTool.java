package dev.parley.agents.mcp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolHints;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tool of an MCP server, named {@code mcp:<server>:<tool>}: the MCP tool's description and
 * input schema are its definition, its annotations its hints, and a call is the MCP
 * {@code tools/call}. The result's text parts are joined; other parts are summarised in a line each.
 */
final class McpTool implements Tool {

	private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
	};

	/** The server's connection as it is when called: the one this tool was listed on may have been closed since. */
	private final Supplier<McpConnection> connection;

	private final McpSchema.Tool tool;

	private final ToolDefinition definition;

	private final ToolHints hints;

	private final Duration requestTimeout;

	private final JsonMapper json;

	private final Clock clock;

	McpTool(String server, McpSchema.Tool tool, Supplier<McpConnection> connection, Duration requestTimeout, JsonMapper json,
			Clock clock) {
		this.connection = connection;
		this.tool = tool;
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.clock = clock;
		this.definition = new ToolDefinition(fullName(server, tool.name()), description(tool),
				json.writeValueAsString(tool.inputSchema()));
		this.hints = hints(tool.annotations());
	}

	static String fullName(String server, String tool) {
		return "mcp:" + server + ":" + tool;
	}

	@Override
	public ToolDefinition definition() {
		return definition;
	}

	@Override
	public ToolHints hints() {
		return hints;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		Duration left = Duration.between(clock.instant(), invocation.deadline());
		if (left.isNegative() || left.isZero()) {
			return ToolResult.failed("the run's time was up before the MCP server was asked");
		}
		Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
		Map<String, Object> arguments = arguments(invocation.arguments());
		McpSchema.CallToolResult result;
		try {
			result = connection.get().call(tool.name(), arguments, timeout);
		}
		catch (McpConnection.McpCallFailed ex) {
			return ToolResult.failed(ex.getMessage());
		}
		String content = content(result);
		return Boolean.TRUE.equals(result.isError()) ? ToolResult.failed(content) : ToolResult.ok(content);
	}

	private Map<String, Object> arguments(@Nullable JsonNode arguments) {
		if (arguments == null || !arguments.isObject()) {
			return Map.of();
		}
		return json.convertValue(arguments, ARGUMENTS);
	}

	private String content(McpSchema.CallToolResult result) {
		List<String> parts = new ArrayList<>();
		for (McpSchema.Content part : result.content()) {
			parts.add(switch (part) {
				case McpSchema.TextContent text -> text.text();
				case McpSchema.ImageContent image -> "[image: " + image.mimeType() + ", " + bytes(image.data()) + "]";
				case McpSchema.AudioContent audio -> "[audio: " + audio.mimeType() + ", " + bytes(audio.data()) + "]";
				case McpSchema.EmbeddedResource embedded -> resource(embedded.resource());
				case McpSchema.ResourceLink link -> "[resource link: " + link.name() + " " + link.uri() + "]";
				default -> "[" + part.type() + "]";
			});
		}
		if (parts.isEmpty() && result.structuredContent() != null) {
			return json.writeValueAsString(result.structuredContent());
		}
		return String.join("\n", parts);
	}

	private static String resource(McpSchema.ResourceContents contents) {
		if (contents instanceof McpSchema.TextResourceContents text) {
			return text.text();
		}
		return "[resource: " + contents.uri() + (contents.mimeType() == null ? "" : ", " + contents.mimeType()) + "]";
	}

	/** The size of base64 data once decoded. */
	private static String bytes(String base64) {
		return (base64.length() / 4 * 3) + " bytes";
	}

	private static String description(McpSchema.Tool tool) {
		if (tool.description() != null && !tool.description().isBlank()) {
			return tool.description();
		}
		return tool.title() != null && !tool.title().isBlank() ? tool.title() : tool.name();
	}

	/**
	 * MCP's annotations with MCP's defaults when absent: not read-only, destructive (when not
	 * read-only) and open-world. They come from the server and are hints, not guarantees: they only
	 * choose the default policy, which an agent's own policy overrides.
	 */
	static ToolHints hints(McpSchema.@Nullable ToolAnnotations annotations) {
		boolean readOnly = annotations != null && Boolean.TRUE.equals(annotations.readOnlyHint());
		boolean destructive = !readOnly
				&& (annotations == null || annotations.destructiveHint() == null || annotations.destructiveHint());
		boolean openWorld = annotations == null || annotations.openWorldHint() == null || annotations.openWorldHint();
		return new ToolHints(readOnly, destructive, openWorld);
	}
}
