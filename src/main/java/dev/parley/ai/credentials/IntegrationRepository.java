package dev.parley.ai.credentials;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Integrations, always looked up together with their owner. */
interface IntegrationRepository extends Repository<Integration, UUID> {

	Integration save(Integration integration);

	@Query("select * from integrations where id = :id and user_id = :userId")
	Optional<Integration> findOwned(UUID id, UUID userId);

	@Query("select * from integrations where user_id = :userId and provider = :provider")
	Optional<Integration> findByProvider(UUID userId, String provider);

	@Query("select * from integrations where user_id = :userId order by provider")
	List<Integration> findAllOwned(UUID userId);

	@Modifying
	@Query("delete from integrations where id = :id and user_id = :userId")
	boolean deleteOwned(UUID id, UUID userId);
}
