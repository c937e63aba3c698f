package dev.parley.agents.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Users' MCP servers, always looked up together with their owner. */
interface McpServerRepository extends Repository<McpServer, UUID> {

	McpServer save(McpServer server);

	@Query("select * from mcp_servers where id = :id and user_id = :userId")
	Optional<McpServer> findOwned(UUID id, UUID userId);

	@Query("select * from mcp_servers where user_id = :userId order by name")
	List<McpServer> findAllOwned(UUID userId);

	@Query("select exists (select 1 from mcp_servers where user_id = :userId and name = :name)")
	boolean nameTaken(UUID userId, String name);

	@Modifying
	@Query("delete from mcp_servers where id = :id and user_id = :userId")
	boolean deleteOwned(UUID id, UUID userId);

	/**
	 * Keeps what a connection attempt found, without touching the version: a status is about the
	 * server as it was when the attempt started, so it is dropped when the server changed meanwhile.
	 */
	@Modifying
	@Query("""
			update mcp_servers set last_status = :status, last_error = :error, last_checked_at = :checkedAt,
			    tool_count = :toolCount
			where id = :id and version = :version""")
	boolean recordStatus(UUID id, long version, String status, @Nullable String error, Instant checkedAt,
			@Nullable Integer toolCount);
}
