package dev.parley.agents.mcp;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The connection to one MCP server: its client, made and initialised when first needed, the tools
 * it listed (reused for {@link McpProperties#toolsTtl()}) and its last failure (which keeps it from
 * being tried again for {@link McpProperties#retryAfter()}). A failed client is closed and made
 * anew on the next attempt. Thread-safe.
 */
final class McpConnection implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(McpConnection.class);

	private static final int MAX_TOOL_PAGES = 20;

	private final McpEndpoint endpoint;

	private final McpClients clients;

	private final McpProperties properties;

	private final Clock clock;

	private @Nullable McpAsyncClient client;

	private @Nullable List<McpSchema.Tool> tools;

	private Instant listedAt = Instant.MIN;

	private @Nullable String failure;

	private Instant failedAt = Instant.MIN;

	private boolean closed;

	McpConnection(McpEndpoint endpoint, McpClients clients, McpProperties properties, Clock clock) {
		this.endpoint = endpoint;
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The server's tools: those listed lately, or listed now when they are older than the TTL or
	 * {@code live} asks for a fresh answer.
	 */
	synchronized Listing tools(boolean live) {
		Instant now = clock.instant();
		if (!live && failure != null && now.isBefore(failedAt.plus(properties.retryAfter()))) {
			return Listing.failed(failure, failedAt, false);
		}
		if (!live && tools != null && now.isBefore(listedAt.plus(properties.toolsTtl()))) {
			return Listing.listed(tools, listedAt, false);
		}
		try {
			McpAsyncClient connected = connected();
			List<McpSchema.Tool> listed = new ArrayList<>();
			String cursor = null;
			for (int page = 0; page < MAX_TOOL_PAGES; page++) {
				McpSchema.ListToolsResult result = block(connected.listTools(cursor), properties.requestTimeout());
				listed.addAll(result.tools());
				cursor = result.nextCursor();
				if (cursor == null || cursor.isEmpty()) {
					break;
				}
			}
			tools = List.copyOf(listed);
			listedAt = clock.instant();
			failure = null;
			return Listing.listed(tools, listedAt, true);
		}
		catch (RuntimeException ex) {
			failure = describe(ex);
			failedAt = clock.instant();
			tools = null;
			log.warn("MCP server {} failed: {} ({})", endpoint, failure, summary(ex));
			disconnect();
			return Listing.failed(failure, failedAt, true);
		}
	}

	/**
	 * Calls a tool, waiting at most {@code timeout}.
	 * @throws McpCallFailed when the server could not be asked or did not answer
	 */
	McpSchema.CallToolResult call(String tool, Map<String, Object> arguments, Duration timeout) {
		McpAsyncClient connected;
		synchronized (this) {
			try {
				connected = connected();
			}
			catch (RuntimeException ex) {
				log.warn("MCP server {} failed: {} ({})", endpoint, describe(ex), summary(ex));
				disconnect();
				throw new McpCallFailed(describe(ex));
			}
		}
		try {
			return block(connected.callTool(new McpSchema.CallToolRequest(tool, arguments)), timeout);
		}
		catch (RuntimeException ex) {
			String reason = describe(ex);
			log.warn("MCP server {}: calling {} failed: {} ({})", endpoint, tool, reason, summary(ex));
			if (!(ex instanceof McpError)) {
				synchronized (this) {
					if (client == connected) {
						disconnect();
					}
				}
			}
			throw new McpCallFailed(reason);
		}
	}

	private McpAsyncClient connected() {
		if (closed) {
			throw new IllegalStateException("The connection to " + endpoint.name() + " is closed");
		}
		if (client == null) {
			McpAsyncClient created = clients.create(endpoint);
			try {
				block(created.initialize(), properties.requestTimeout());
			}
			catch (RuntimeException ex) {
				created.close();
				throw ex;
			}
			client = created;
		}
		return client;
	}

	private void disconnect() {
		McpAsyncClient old = client;
		client = null;
		if (old != null) {
			old.close();
		}
	}

	@Override
	public synchronized void close() {
		closed = true;
		disconnect();
	}

	private static <T> T block(reactor.core.publisher.Mono<T> mono, Duration timeout) {
		T value = mono.block(timeout);
		if (value == null) {
			throw new IllegalStateException("The MCP server sent an empty answer");
		}
		return value;
	}

	/** What went wrong, in words safe to show the user: no addresses, no headers, no stack traces. */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException || cause instanceof ConnectException) {
				// The guard's refusals are UnknownHostExceptions too: a refused address reads like one that does not answer.
				return "the MCP server could not be reached";
			}
			if (cause instanceof TimeoutException
					|| cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("Timeout")) {
				return "the MCP server did not answer in time";
			}
			if (cause instanceof WebClientResponseException response) {
				return "the MCP server answered HTTP " + response.getStatusCode().value();
			}
			if (cause instanceof McpError error && error.getJsonRpcError() != null) {
				return "the MCP server refused the request: " + shorten(error.getJsonRpcError().message());
			}
		}
		return "the MCP server's answer could not be understood";
	}

	private static String summary(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	private static String shorten(@Nullable String text) {
		String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return line.length() <= 200 ? line : line.substring(0, 199) + "…";
	}

	/**
	 * What asking for a server's tools found.
	 *
	 * @param tools the tools, or {@code null} when it failed
	 * @param failure why it failed, in words safe to show
	 * @param at when the answer was had
	 * @param attempted whether the server was asked just now (rather than a cached answer)
	 */
	record Listing(@Nullable List<McpSchema.Tool> tools, @Nullable String failure, Instant at, boolean attempted) {

		static Listing listed(List<McpSchema.Tool> tools, Instant at, boolean attempted) {
			return new Listing(tools, null, at, attempted);
		}

		static Listing failed(String failure, Instant at, boolean attempted) {
			return new Listing(null, failure, at, attempted);
		}
	}

	/** A tool could not be called: the server could not be reached or did not answer. */
	static final class McpCallFailed extends RuntimeException {

		McpCallFailed(String reason) {
			super(reason, null, false, false);
		}
	}
}
