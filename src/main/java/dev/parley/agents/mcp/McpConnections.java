package dev.parley.agents.mcp;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's connections to MCP servers, one per server, in a bounded cache: at most
 * {@link McpProperties#maxClients()}, each closed once unused for {@link McpProperties#idleTimeout()},
 * when pushed out by newer ones, when its server is changed or deleted, and at shutdown. Closing
 * runs on the thread that evicts, so nothing is left open once {@link #destroy()} returns.
 */
@Component
class McpConnections implements DisposableBean {

	private final McpClients clients;

	private final McpProperties properties;

	private final Clock clock;

	private final Cache<String, McpConnection> cache;

	McpConnections(McpClients clients, McpProperties properties, Clock clock) {
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.maxClients())
			.expireAfterAccess(properties.idleTimeout())
			.executor(Runnable::run)
			.<String, McpConnection>removalListener((key, connection, cause) -> {
				if (connection != null) {
					connection.close();
				}
			})
			.build();
	}

	/** The connection to this server, made (not yet connected) when there is none. */
	McpConnection to(McpEndpoint endpoint) {
		return cache.get(endpoint.key(), key -> new McpConnection(endpoint, clients, properties, clock));
	}

	/** Closes the connection to a server that changed or went, if there is one. */
	void close(String key) {
		cache.invalidate(key);
	}

	/** How many connections are open, for tests and metrics. */
	long size() {
		cache.cleanUp();
		return cache.estimatedSize();
	}

	@Override
	public void destroy() {
		cache.invalidateAll();
		cache.cleanUp();
	}
}
