package dev.parley.agents.tools.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code data_connections} table; every read is of one owner's rows. */
@Repository
class DataConnectionRepository {

	private static final String COLUMNS = "id, user_id, kind, name, property_id, client_email, key_ciphertext, "
			+ "key_nonce, key_version, created_at";

	private final JdbcClient jdbc;

	DataConnectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DataConnection connection) {
		jdbc.sql("insert into data_connections (" + COLUMNS + ") values (:id, :userId, :kind, :name, :propertyId, "
				+ ":clientEmail, :ciphertext, :nonce, :version, :createdAt)")
			.param("id", connection.id())
			.param("userId", connection.userId())
			.param("kind", connection.kind())
			.param("name", connection.name())
			.param("propertyId", connection.propertyId())
			.param("clientEmail", connection.clientEmail())
			.param("ciphertext", connection.key().ciphertext())
			.param("nonce", connection.key().nonce())
			.param("version", connection.key().keyId())
			.param("createdAt", Timestamp.from(connection.createdAt()))
			.update();
	}

	/** One page of the owner's connections, oldest first, after {@code after}; one row more than asked. */
	List<DataConnection> page(UUID userId, @Nullable UUID after, int limit) {
		return jdbc.sql("select " + COLUMNS + " from data_connections where user_id = :userId"
				+ (after == null ? "" : " and id > :after") + " order by id limit :limit")
			.param("userId", userId)
			.param("after", after)
			.param("limit", limit + 1)
			.query(DataConnectionRepository::map)
			.list();
	}

	List<DataConnection> findAll(UUID userId, String kind) {
		return jdbc.sql("select " + COLUMNS + " from data_connections where user_id = :userId and kind = :kind order by id")
			.param("userId", userId)
			.param("kind", kind)
			.query(DataConnectionRepository::map)
			.list();
	}

	Optional<DataConnection> findOwned(UUID id, UUID userId) {
		return jdbc.sql("select " + COLUMNS + " from data_connections where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query(DataConnectionRepository::map)
			.optional();
	}

	boolean exists(UUID userId, String kind) {
		return jdbc.sql("select exists (select 1 from data_connections where user_id = :userId and kind = :kind)")
			.param("userId", userId)
			.param("kind", kind)
			.query(Boolean.class)
			.single();
	}

	boolean deleteOwned(UUID id, UUID userId) {
		return jdbc.sql("delete from data_connections where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.update() == 1;
	}

	private static DataConnection map(ResultSet row, int number) throws SQLException {
		return new DataConnection(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("kind"), row.getString("name"), row.getString("property_id"),
				row.getString("client_email"), new SealedSecret(row.getInt("key_version"), row.getBytes("key_nonce"),
						row.getBytes("key_ciphertext")),
				row.getTimestamp("created_at").toInstant());
	}
}
