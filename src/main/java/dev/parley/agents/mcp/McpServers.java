package dev.parley.agents.mcp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import dev.parley.ai.UserSecrets;
import dev.parley.platform.FieldChecks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users' MCP servers: register, list, change, remove, and the endpoint a connection needs (with the
 * headers opened). Every operation takes the id of the user acting and finds only what that user
 * owns, so another user's server fails with {@link McpServerNotFound} exactly as an unknown id does.
 * A change or removal closes the server's connection.
 */
@Service
class McpServers {

	private static final Logger log = LoggerFactory.getLogger(McpServers.class);

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	private final McpServerRepository repository;

	private final McpServerInput input;

	private final UserSecrets secrets;

	private final McpConnections connections;

	private final McpProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	McpServers(McpServerRepository repository, McpServerInput input, UserSecrets secrets, McpConnections connections,
			McpProperties properties, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.input = input;
		this.secrets = secrets;
		this.connections = connections;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	List<McpServer> list(UUID userId) {
		return repository.findAllOwned(userId);
	}

	McpServer get(UUID id, UUID userId) {
		return repository.findOwned(id, userId).orElseThrow(McpServerNotFound::new);
	}

	McpServer register(UUID userId, @Nullable String name, @Nullable String url, @Nullable String transport,
			@Nullable Map<String, String> headers) {
		FieldChecks checks = new FieldChecks();
		String checkedName = checks.check(() -> input.name(name));
		String checkedUrl = checks.check(() -> input.url(url));
		McpTransport checkedTransport = checks.check(() -> input.transport(transport));
		Map<String, String> checkedHeaders = input.headers(headers, checks);
		checks.throwIfAny();
		String serverName = Objects.requireNonNull(checkedName);
		refuseTakenName(userId, serverName);
		UUID id = McpServer.newId();
		McpServer server = McpServer.register(id, userId, serverName, Objects.requireNonNull(checkedUrl),
				Objects.requireNonNull(checkedTransport), List.copyOf(checkedHeaders.keySet()),
				seal(checkedHeaders, userId, id), clock.instant());
		return save(server, serverName);
	}

	McpServer change(UUID id, UUID userId, McpServerChanges changes) {
		McpServer server = get(id, userId);
		FieldChecks checks = new FieldChecks();
		String name = changes.name() == null ? null : checks.check(() -> input.name(changes.name()));
		String url = changes.url() == null ? null : checks.check(() -> input.url(changes.url()));
		McpTransport transport = changes.transport() == null ? null
				: checks.check(() -> input.transport(changes.transport()));
		Map<String, String> headers = changes.headers() == null ? null : input.headers(changes.headers(), checks);
		boolean otherEndpoint = url != null && !url.equals(server.url())
				|| transport != null && transport != server.transport();
		if (otherEndpoint && changes.headers() == null && !server.headerNames().isEmpty()) {
			checks.refuse("headers",
					"must be sent again (or {} for none) to change url or transport: stored headers never go to another endpoint");
		}
		checks.throwIfAny();
		long before = Objects.requireNonNull(server.version());
		if (name != null && !name.equals(server.name())) {
			refuseTakenName(userId, name);
			server.rename(name, clock.instant());
		}
		if (otherEndpoint) {
			server.moveTo(url == null ? server.url() : url, transport == null ? server.transport() : transport,
					clock.instant());
		}
		if (headers != null) {
			server.replaceHeaders(List.copyOf(headers.keySet()), seal(headers, userId, id), clock.instant());
		}
		McpServer saved;
		try {
			saved = save(server, server.name());
		}
		catch (OptimisticLockingFailureException ex) {
			throw new McpServerChangedConcurrently();
		}
		connections.close(McpEndpoint.Remote.keyOf(id, before));
		return saved;
	}

	void remove(UUID id, UUID userId) {
		McpServer server = get(id, userId);
		if (!repository.deleteOwned(id, userId)) {
			throw new McpServerNotFound();
		}
		connections.close(McpEndpoint.Remote.keyOf(id, Objects.requireNonNull(server.version())));
	}

	/** How a connection reaches this server, its headers opened. */
	McpEndpoint.Remote endpoint(McpServer server) {
		Map<String, String> headers = Map.of();
		SealedSecret sealed = server.headers();
		if (sealed != null) {
			String opened = secrets.open(sealed, server.userId(), McpServer.headersPurpose(server.id())).orElse(null);
			if (opened == null) {
				// Sealed under a key this server no longer has: connect without them, and say why in the log.
				log.warn("The headers of MCP server {} cannot be opened (encryption key retired or changed)",
						server.id());
			}
			else {
				headers = json.readValue(opened, HEADERS);
			}
		}
		return new McpEndpoint.Remote(server.id(), Objects.requireNonNull(server.version()), server.name(),
				server.url(), server.transport(), headers);
	}

	/** Keeps what a connection attempt found; dropped when the server changed meanwhile. */
	void recordStatus(McpEndpoint.Remote endpoint, McpConnection.Listing listing) {
		List<?> tools = listing.tools();
		repository.recordStatus(endpoint.id(), endpoint.version(),
				tools == null ? McpServerStatus.FAILED.wireName() : McpServerStatus.CONNECTED.wireName(),
				listing.failure(), listing.at(), tools == null ? null : tools.size());
	}

	private void refuseTakenName(UUID userId, String name) {
		if (properties.stdio().containsKey(name) || repository.nameTaken(userId, name)) {
			throw new McpServerNameTaken(name);
		}
	}

	private @Nullable SealedSecret seal(Map<String, String> headers, UUID userId, UUID serverId) {
		return headers.isEmpty() ? null
				: secrets.seal(json.writeValueAsString(headers), userId, McpServer.headersPurpose(serverId));
	}

	private McpServer save(McpServer server, String name) {
		try {
			return repository.save(server);
		}
		catch (DataAccessException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DuplicateKeyException) {
					throw new McpServerNameTaken(name);
				}
			}
			throw ex;
		}
	}
}
