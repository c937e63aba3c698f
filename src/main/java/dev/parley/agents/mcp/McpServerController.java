package dev.parley.agents.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/mcp-servers")
@Tag(name = "MCP servers", description = "Your MCP servers: their tools become tools agents may call, "
		+ "named mcp:<server>:<tool>. Header values are stored encrypted and never shown again.")
class McpServerController {

	private final McpServers servers;

	private final McpToolSource tools;

	private final JsonMapper json;

	McpServerController(McpServers servers, McpToolSource tools, JsonMapper json) {
		this.servers = servers;
		this.tools = tools;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Your MCP servers, by name, with what the last connection attempt found (one page)")
	CursorPage<McpServerResponse> list(@AuthenticationPrincipal AuthenticatedUser caller) {
		return new CursorPage<>(servers.list(caller.id()).stream().map(McpServerResponse::from).toList(), null);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an MCP server (streamable-http or sse; stdio servers are the operator's configuration only)",
			description = "The URL must be http(s) and must not name this server or a private network; host names "
					+ "are checked again, on the addresses they resolve to, at every connection. "
					+ "Headers (an Authorization header, say) are sent with every request to the server.")
	@ApiResponse(responseCode = "409", description = "You already have a server of this name, or the server configures one")
	McpServerResponse register(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestBody RegisterMcpServerRequest request) {
		return McpServerResponse.from(
				servers.register(caller.id(), request.name(), request.url(), request.transport(), request.headers()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your MCP servers (header names only, never their values)")
	McpServerResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return McpServerResponse.from(servers.get(id, caller.id()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a server, move it, or replace its headers (absent fields stay)",
			description = "A new url or transport needs headers in the same request (an empty object for none) when "
					+ "the server has any: stored headers are never sent to another endpoint. Headers given replace "
					+ "all stored ones.")
	@ApiResponse(responseCode = "409", description = "The new name is taken, or the server was changed meanwhile")
	McpServerResponse change(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody ChangeMcpServerRequest request) {
		return McpServerResponse.from(servers.change(id, caller.id(), request.toChanges()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an MCP server; its tools are gone at once and its connection is closed")
	void remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		servers.remove(id, caller.id());
	}

	@GetMapping("/{id}/tools")
	@Operation(summary = "The tools the server offers, asked now",
			description = "A server that cannot be reached answers 200 with status failed and the reason; "
					+ "the outcome is kept as the server's status.")
	McpToolsResponse tools(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		McpToolSource.McpServerTools found = tools.live(servers.get(id, caller.id()));
		McpConnection.Listing listing = found.listing();
		return new McpToolsResponse(
				(listing.tools() == null ? McpServerStatus.FAILED : McpServerStatus.CONNECTED).wireName(),
				listing.failure(), listing.at(), found.tools().stream().map(this::toolResponse).toList());
	}

	private McpToolResponse toolResponse(McpTool tool) {
		return new McpToolResponse(tool.name(), tool.definition().description(),
				json.readTree(tool.definition().parametersSchema()), tool.hints().readOnly(), tool.hints().destructive(),
				tool.hints().openWorld(), tool.hints().asksByDefault());
	}

	/**
	 * @param name 1 to 32 of a-z, 0-9, _ and -; its tools are named mcp:&lt;name&gt;:&lt;tool&gt;
	 * @param url the server's endpoint, http or https
	 * @param transport streamable-http (the default) or sse
	 * @param headers sent with every request to the server; stored encrypted
	 */
	record RegisterMcpServerRequest(@Nullable String name, @Nullable String url, @Nullable String transport,
			@Nullable Map<String, String> headers) {

		@Override
		public String toString() {
			return "RegisterMcpServerRequest[name=" + name + ", url=" + url + ", transport=" + transport
					+ ", headers=" + (headers == null ? null : headers.keySet()) + "]";
		}
	}

	record ChangeMcpServerRequest(@Nullable String name, @Nullable String url, @Nullable String transport,
			@Nullable Map<String, String> headers) {

		McpServerChanges toChanges() {
			return new McpServerChanges(name, url, transport, headers);
		}

		@Override
		public String toString() {
			return "ChangeMcpServerRequest[name=" + name + ", url=" + url + ", transport=" + transport + ", headers="
					+ (headers == null ? null : headers.keySet()) + "]";
		}
	}

	/**
	 * @param headerNames the names of the headers sent to the server; their values are never shown
	 * @param status what the last connection attempt found: unknown (not tried since registered or
	 *     changed), connected or failed
	 * @param error why it failed, when it did
	 * @param checkedAt when the last attempt was made
	 * @param toolCount how many tools it offered then
	 */
	record McpServerResponse(UUID id, String name, String url, String transport, List<String> headerNames,
			String status, @Nullable String error, @Nullable Instant checkedAt, @Nullable Integer toolCount,
			Instant createdAt, Instant updatedAt) {

		static McpServerResponse from(McpServer server) {
			return new McpServerResponse(server.id(), server.name(), server.url(), server.transport().wireName(),
					server.headerNames(), server.lastStatus().wireName(), server.lastError(), server.lastCheckedAt(),
					server.toolCount(), server.createdAt(), server.updatedAt());
		}
	}

	/**
	 * @param status connected or failed
	 * @param error why it failed, when it did
	 * @param checkedAt when the server was asked
	 * @param items the tools, as agents see them
	 */
	record McpToolsResponse(String status, @Nullable String error, Instant checkedAt, List<McpToolResponse> items) {
	}

	/**
	 * @param name the name agents call it by: mcp:&lt;server&gt;:&lt;tool&gt;
	 * @param inputSchema the JSON Schema of its arguments
	 * @param asksByDefault whether a person approves each call unless the agent's policy says otherwise
	 *     (destructive or open-world tools do)
	 */
	record McpToolResponse(String name, String description, JsonNode inputSchema, boolean readOnly,
			boolean destructive, boolean openWorld, boolean asksByDefault) {
	}
}
