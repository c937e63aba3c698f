package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run on a persistent data directory (not the suite's throw-away one) keeps its data durably and
 * lets in only who knows the generated password. The directory is created by the previous version
 * (superuser without password, trust for every connection), so the upgrade path is covered too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The embedded database is what this test is about, also in the build's DATABASE_URL pass;
		// an argument, as DATABASE_URL is read before test properties are added.
		args = "--DATABASE_URL=")
@ActiveProfiles("test")
class EmbeddedDatabaseIntegrationTests {

	private static final Path DATA = Path.of("target/embedded-database-tests", UUID.randomUUID().toString())
		.toAbsolutePath();

	private static final Path POSTGRES = DATA.resolve("postgres");

	@DynamicPropertySource
	static void persistentDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		createdByThePreviousVersion();
		registry.add("parley.platform.data-directory", DATA::toString);
		registry.add("parley.platform.embedded-database.data-directory", POSTGRES::toString);
	}

	/** What the previous version left: zonky's defaults, and a row of data outside Parley's schema. */
	private static void createdByThePreviousVersion() throws IOException {
		Files.createDirectories(POSTGRES);
		try (EmbeddedPostgres previous = EmbeddedPostgres.builder()
			.setDataDirectory(POSTGRES)
			.setCleanDataDirectory(false)
			.start()) {
			JdbcClient.create(previous.getPostgresDatabase())
				.sql("create schema legacy; create table legacy.note(text text); insert into legacy.note values ('kept')")
				.update();
		}
	}

	@Autowired
	HikariDataSource dataSource;

	@Test
	void runsWithPostgresDurableSettings() {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(setting(jdbc, "fsync")).isEqualTo("on");
		assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
		assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
		assertThat(jdbc.sql("select text from legacy.note").query(String.class).single()).isEqualTo("kept");
	}

	@Test
	void refusesConnectionsWithoutTheGeneratedPassword() {
		String url = "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guessed").close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void keepsThePasswordReadableByItsOwnerOnly() throws IOException {
		Path secret = DATA.resolve("secrets/embedded-postgres-password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
		assertThat(Files.readString(secret).trim()).isEqualTo(dataSource.getPassword());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(POSTGRES))).isEqualTo("rwx------");
	}

	@Test
	void listensOnLoopbackOnlyWithoutASocketInTmp() {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
		assertThat(setting(jdbc, "unix_socket_directories")).isEmpty();
		assertThat(Path.of("/tmp/.s.PGSQL." + port())).doesNotExist();
	}

	private static String setting(JdbcClient jdbc, String name) {
		return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
	}

	private int port() {
		return JdbcClient.create(dataSource).sql("select current_setting('port')::int").query(Integer.class).single();
	}
}
