package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * A persistent embedded PostgreSQL starts over the {@code postmaster.pid} a crash leaves behind, and
 * leaves a data directory another server uses alone.
 */
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

	@Test
	void refusesADataDirectoryAnotherServerIsUsing() throws Exception {
		PlatformProperties.EmbeddedDatabase settings = new PlatformProperties.EmbeddedDatabase(
				data.resolve("postgres").toString(), false);
		Path password = secrets().keep("embedded-postgres-password", 24);
		EmbeddedPostgresServer.start(settings, password).stop();
		other = holdLock(data.resolve("postgres/epg-lock"));

		assertThatThrownBy(() -> EmbeddedPostgresServer.start(settings, password))
			.isInstanceOf(EmbeddedDatabaseNotStarted.class)
			.hasMessageContaining("is in use by another running Parley")
			.hasMessageContaining(data.resolve("postgres/epg-lock").toString());
	}

	/** Another process holding the lock zonky takes on a data directory, as a running server does. */
	private Process holdLock(Path lockFile) throws Exception {
		Path source = data.resolve("HoldLock.java");
		Files.writeString(source, """
				import java.nio.channels.FileChannel;
				import java.nio.file.*;
				class HoldLock {
					public static void main(String[] args) throws Exception {
						FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
						channel.lock();
						System.out.println("locked");
						Thread.sleep(600_000);
					}
				}
				""");
		Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), source.toString(),
				lockFile.toString())
			.redirectErrorStream(true)
			.start();
		String firstLine = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
		assertThat(firstLine).isEqualTo("locked");
		return holder;
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
				new PlatformProperties.EmbeddedDatabase("", false), ""), new MockEnvironment());
	}
}
