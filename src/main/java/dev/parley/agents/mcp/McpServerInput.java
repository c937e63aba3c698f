package dev.parley.agents.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.parley.platform.FieldChecks;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks of what a user sends for an MCP server. A URL's host is refused on sight when the
 * outbound address guard would refuse it whatever DNS says ({@code localhost}, a private literal in
 * any notation); names are judged by the guard when the server connects, on the addresses they
 * resolve to.
 */
@Component
class McpServerInput {

	static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

	static final int MAX_URL_LENGTH = 2000;

	static final int MAX_HEADERS = 20;

	static final int MAX_HEADER_VALUE_LENGTH = 4000;

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

	/** Headers the transport sets itself, or that would change how the request is framed or routed. */
	private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "content-type", "accept",
			"connection", "transfer-encoding", "te", "trailer", "upgrade", "keep-alive", "expect",
			"proxy-authorization", "proxy-connection", "mcp-session-id", "mcp-protocol-version", "last-event-id");

	private final OutboundAddressGuard guard;

	McpServerInput(OutboundAddressGuard guard) {
		this.guard = guard;
	}

	String name(@Nullable String name) {
		String text = name == null ? "" : name.trim();
		if (!NAME.matcher(text).matches()) {
			throw new InvalidMcpServer("name", "must be 1 to 32 of a-z, 0-9, _ and - (it becomes part of tool names)");
		}
		return text;
	}

	String url(@Nullable String url) {
		String text = url == null ? "" : url.trim();
		if (text.isEmpty()) {
			throw new InvalidMcpServer("url", "must be an absolute http or https URL");
		}
		if (text.length() > MAX_URL_LENGTH) {
			throw new InvalidMcpServer("url", "must be at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidMcpServer("url", "must be an absolute http or https URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new InvalidMcpServer("url", "must be an absolute http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidMcpServer("url", "must not contain a user name or password (send them in headers)");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidMcpServer("url", "must not contain a fragment");
		}
		if (guard.refusesOnSight(uri.getHost())) {
			throw new InvalidMcpServer("url", "must not name this server or a private network address");
		}
		return text;
	}

	McpTransport transport(@Nullable String transport) {
		if (transport == null || transport.isBlank()) {
			return McpTransport.STREAMABLE_HTTP;
		}
		McpTransport parsed = McpTransport.parse(transport)
			.orElseThrow(() -> new InvalidMcpServer("transport", "must be streamable-http or sse"));
		if (parsed == McpTransport.STDIO) {
			throw new InvalidMcpServer("transport", "stdio servers are configured by the server's operator "
					+ "(parley.agents.mcp.stdio), never through the API; use streamable-http or sse");
		}
		return parsed;
	}

	/** The headers, in the order given, each name checked; absent means none. */
	Map<String, String> headers(@Nullable Map<String, String> headers, FieldChecks checks) {
		if (headers == null) {
			return Map.of();
		}
		if (headers.size() > MAX_HEADERS) {
			checks.refuse("headers", "must have at most " + MAX_HEADERS + " headers");
			return Map.of();
		}
		Map<String, String> valid = new LinkedHashMap<>();
		Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, value) -> {
			String field = "headers." + name;
			if (!HEADER_NAME.matcher(name).matches()) {
				checks.refuse(field, "is not a valid header name");
			}
			else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				checks.refuse(field, "is set by Parley itself and cannot be sent");
			}
			else if (!seen.add(name)) {
				checks.refuse(field, "is given twice (header names ignore case)");
			}
			else if (value == null || value.isEmpty() || value.length() > MAX_HEADER_VALUE_LENGTH) {
				checks.refuse(field, "must be 1 to " + MAX_HEADER_VALUE_LENGTH + " characters");
			}
			else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
				checks.refuse(field, "must not contain control characters");
			}
			else {
				valid.put(name, value);
			}
		});
		return valid;
	}
}
