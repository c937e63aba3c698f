package dev.parley.agents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Projects, always looked up together with their owner. */
interface ProjectRepository extends Repository<Project, UUID> {

	Project save(Project project);

	@Query("select * from projects where id = :id and user_id = :userId")
	Optional<Project> findOwned(UUID id, UUID userId);

	@Query("select exists (select 1 from projects where id = :id and user_id = :userId)")
	boolean existsOwned(UUID id, UUID userId);

	@Query("select * from projects where user_id = :userId order by created_at desc, id desc limit :rows")
	List<Project> firstPage(UUID userId, int rows);

	@Query("""
			select * from projects where user_id = :userId and (created_at, id) < (:afterAt, :afterId)
			order by created_at desc, id desc limit :rows""")
	List<Project> pageAfter(UUID userId, OffsetDateTime afterAt, UUID afterId, int rows);

	@Modifying
	@Query("delete from projects where id = :id and user_id = :userId")
	boolean deleteOwned(UUID id, UUID userId);
}
