package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** A persistent embedded PostgreSQL starts over the {@code postmaster.pid} a crash leaves behind. */
class EmbeddedPostgresServerTests {

	@TempDir
	Path data;

	private Process other;

	@AfterEach
	void stopOther() {
		if (other != null) {
			other.destroyForcibly();
		}
	}

	@Test
	void startsOverAPidFileWhoseProcessIsGone() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		startsOverAPidFileNaming(gone.pid());
	}

	@Test
	void startsOverAPidFileWhosePidNowBelongsToAnotherProgram() throws Exception {
		other = new ProcessBuilder("sleep", "600").start();
		startsOverAPidFileNaming(other.pid());
		assertThat(other.isAlive()).as("the other program is left alone").isTrue();
	}

	private void startsOverAPidFileNaming(long pid) throws Exception {
		PlatformProperties.EmbeddedDatabase settings = new PlatformProperties.EmbeddedDatabase(
				data.resolve("postgres").toString(), false);
		Path password = secrets().keep("embedded-postgres-password", 24);
		EmbeddedPostgresServer.start(settings, password).stop();
		Path pidFile = data.resolve("postgres/postmaster.pid");
		// What a postmaster writes first: its pid, data directory and start time.
		Files.write(pidFile, List.of(Long.toString(pid), data.resolve("postgres").toString(),
				Long.toString(Instant.now().getEpochSecond()), "5432"));

		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings, password);
		try {
			assertThat(selectOne(server)).isEqualTo(1);
		}
		finally {
			server.stop();
		}
	}

	private static int selectOne(EmbeddedPostgresServer server) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER,
				server.password()); ResultSet result = connection.createStatement().executeQuery("select 1")) {
			result.next();
			return result.getInt(1);
		}
	}

	private DevelopmentSecrets secrets() throws IOException {
		return new DevelopmentSecrets(new PlatformProperties(data, List.of(), DataSize.ofMegabytes(1), "text",
				new PlatformProperties.EmbeddedDatabase("", false)), new MockEnvironment());
	}
}
