package dev.parley.agents.mcp;

import java.util.Map;
import java.util.UUID;

/** Where and how one MCP server is reached, as a connection needs it (header values in clear). */
sealed interface McpEndpoint {

	/** The key of its connection in the cache: one connection per server. */
	String key();

	/** The server's name, the middle part of its tools' names. */
	String name();

	/** A server a user registered: over HTTP, to a URL the outbound address guard judges. */
	record Remote(UUID id, long version, String name, String url, McpTransport transport,
			Map<String, String> headers) implements McpEndpoint {

		/** A server as it is in one version: a change makes a new connection, the old one idles out. */
		static String keyOf(UUID id, long version) {
			return "user:" + id + ":" + version;
		}

		@Override
		public String key() {
			return keyOf(id, version);
		}

		/** Never shows the header values, nor the URL's query (where some servers expect a token). */
		@Override
		public String toString() {
			int query = url.indexOf('?');
			String shown = query < 0 ? url : url.substring(0, query) + "?…";
			return "Remote[id=" + id + ", version=" + version + ", name=" + name + ", url=" + shown + ", transport=" + transport.wireName()
					+ ", headers=" + headers.keySet() + "]";
		}
	}

	/** A stdio server the operator configured, shared by every user. */
	record Local(String name, McpProperties.Stdio stdio) implements McpEndpoint {

		@Override
		public String key() {
			return "stdio:" + name;
		}
	}
}
