package dev.parley.agents.mcp;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An MCP server a user registered: its name (part of its tools' names), URL and transport, the
 * headers sent with every request (sealed; only their names are kept in clear) and what the last
 * connection attempt found.
 */
@Table("mcp_servers")
class McpServer {

	@Id
	private final UUID id;

	private final UUID userId;

	private String name;

	private String url;

	private String transport;

	private String headerNames;

	@Embedded.Nullable(prefix = "headers_")
	private @Nullable SealedSecret headers;

	private final Instant createdAt;

	private Instant updatedAt;

	private String lastStatus;

	private @Nullable String lastError;

	private @Nullable Instant lastCheckedAt;

	private @Nullable Integer toolCount;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	McpServer(UUID id, UUID userId, String name, String url, String transport, String headerNames,
			@Nullable SealedSecret headers, Instant createdAt, Instant updatedAt, String lastStatus,
			@Nullable String lastError, @Nullable Instant lastCheckedAt, @Nullable Integer toolCount,
			@Nullable Long version) {
		this.id = id;
		this.userId = userId;
		this.name = name;
		this.url = url;
		this.transport = transport;
		this.headerNames = headerNames;
		this.headers = headers;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.lastStatus = lastStatus;
		this.lastError = lastError;
		this.lastCheckedAt = lastCheckedAt;
		this.toolCount = toolCount;
		this.version = version;
	}

	static McpServer register(UUID id, UUID userId, String name, String url, McpTransport transport,
			List<String> headerNames, @Nullable SealedSecret headers, Instant now) {
		return new McpServer(id, userId, name, url, transport.wireName(), String.join(",", headerNames), headers, now,
				now, McpServerStatus.UNKNOWN.wireName(), null, null, null, null);
	}

	static UUID newId() {
		return Ids.next();
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	/** Another endpoint: what was learnt about the old one no longer holds. */
	void moveTo(String url, McpTransport transport, Instant now) {
		this.url = url;
		this.transport = transport.wireName();
		forgetStatus(now);
	}

	void replaceHeaders(List<String> headerNames, @Nullable SealedSecret headers, Instant now) {
		this.headerNames = String.join(",", headerNames);
		this.headers = headers;
		forgetStatus(now);
	}

	private void forgetStatus(Instant now) {
		this.lastStatus = McpServerStatus.UNKNOWN.wireName();
		this.lastError = null;
		this.lastCheckedAt = null;
		this.toolCount = null;
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	UUID userId() {
		return userId;
	}

	String name() {
		return name;
	}

	String url() {
		return url;
	}

	McpTransport transport() {
		return McpTransport.fromWireName(transport);
	}

	List<String> headerNames() {
		return headerNames.isEmpty() ? List.of() : Arrays.asList(headerNames.split(","));
	}

	@Nullable SealedSecret headers() {
		return headers;
	}

	Instant createdAt() {
		return createdAt;
	}

	@Nullable Long version() {
		return version;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	McpServerStatus lastStatus() {
		return McpServerStatus.fromWireName(lastStatus);
	}

	@Nullable String lastError() {
		return lastError;
	}

	@Nullable Instant lastCheckedAt() {
		return lastCheckedAt;
	}

	@Nullable Integer toolCount() {
		return toolCount;
	}

	/** What this server's sealed headers are bound to, with their owner: this server, this purpose. */
	static String headersPurpose(UUID serverId) {
		return "mcp-server-headers/" + serverId;
	}
}
