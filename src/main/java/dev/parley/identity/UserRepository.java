package dev.parley.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<User, UUID> {

	User save(User user);

	Optional<User> findById(UUID id);

	void deleteById(UUID id);

	@Query("select * from users where lower(email) = lower(:email)")
	Optional<User> findByEmail(String email);

	@Query("select * from users where lower(username) = lower(:username)")
	Optional<User> findByUsername(String username);

	@Query("select exists (select 1 from users)")
	boolean anyExists();
}
