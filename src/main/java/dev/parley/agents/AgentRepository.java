package dev.parley.agents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Agents, always looked up together with their owner (or within a project already checked to be theirs). */
interface AgentRepository extends Repository<Agent, UUID> {

	Agent save(Agent agent);

	@Query("select * from agents where id = :id and user_id = :userId")
	Optional<Agent> findOwned(UUID id, UUID userId);

	@Query("select * from agents where user_id = :userId")
	List<Agent> findAllOwned(UUID userId);

	/** An agent an admin published with a shared cache: every user may run it. */
	@Query("select * from agents where id = :id and cache_shared and cache_enabled")
	Optional<Agent> findShared(UUID id);

	@Query("select * from agents where user_id = :userId order by created_at desc, id desc limit :rows")
	List<Agent> firstPage(UUID userId, int rows);

	@Query("""
			select * from agents where user_id = :userId and (created_at, id) < (:afterAt, :afterId)
			order by created_at desc, id desc limit :rows""")
	List<Agent> pageAfter(UUID userId, OffsetDateTime afterAt, UUID afterId, int rows);

	@Query("select count(*) from agents where project_id = :projectId")
	long countInProject(UUID projectId);

	@Query("select id from agents where project_id = :projectId")
	List<UUID> idsInProject(UUID projectId);

	/** Whether another agent of this owner delegates to this one ({@code agent:<id>} among its tools). */
	@Query("select exists (select 1 from agents where user_id = :userId and :tool = any (tools))")
	boolean isDelegatedTo(UUID userId, String tool);

	@Modifying
	@Query("delete from agents where project_id = :projectId")
	int deleteInProject(UUID projectId);

	@Modifying
	@Query("delete from agents where id = :id and user_id = :userId")
	boolean deleteOwned(UUID id, UUID userId);
}
