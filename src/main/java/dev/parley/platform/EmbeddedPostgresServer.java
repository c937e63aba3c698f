package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The embedded PostgreSQL of a data directory, one per JVM. Application contexts come and go (tests
 * start several); a server lives until the JVM exits, so they all share it.
 * <p>
 * On a persistent data directory it runs with PostgreSQL's durable defaults; only the test suite's
 * throw-away directory keeps zonky's fast ones ({@code fsync}, {@code synchronous_commit} off).
 * Either way it listens on 127.0.0.1 only, has no Unix socket, and requires the generated password.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String SUPERUSER = "postgres";

	/** Long enough for crash recovery of a development database. */
	private static final Duration PERSISTENT_START_UP = Duration.ofSeconds(60);

	/** By data directory; the throw-away one under "". */
	private static final Map<String, EmbeddedPostgresServer> servers = new HashMap<>();

	private final EmbeddedPostgres postgres;

	private final String password;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * The running server of this data directory, started on first use.
	 * @param passwordFile the superuser's password, on one line
	 */
	static synchronized EmbeddedPostgresServer obtain(PlatformProperties.EmbeddedDatabase settings, Path passwordFile) {
		String key = settings.persistent() ? settings.path().toString() : "";
		EmbeddedPostgresServer server = servers.get(key);
		if (server == null) {
			server = start(settings, passwordFile);
			if (servers.isEmpty()) {
				// Boot runs shutdown handlers after every application context has closed, so nothing
				// still needs the database when it stops.
				SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stopAll);
			}
			servers.put(key, server);
		}
		return server;
	}

	/** A server of its own, outside the registry: for tests. */
	static EmbeddedPostgresServer start(PlatformProperties.EmbeddedDatabase settings, Path passwordFile) {
		String password = read(passwordFile);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			// Our own shutdown handler stops it, after the contexts that use it; see obtain().
			.setRegisterShutdownHook(false)
			// Appended to zonky's initdb command line, so they win over its "-A trust".
			.setLocaleConfig("auth", PasswordAuthentication.METHOD)
			.setLocaleConfig("pwfile", passwordFile.toString())
			.setConnectConfig("password", password)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "''")
			// Runs while zonky holds the directory's lock, just before PostgreSQL starts.
			.setDataDirectoryCustomizer(directory -> {
				restrictToOwner(directory.toPath());
				LeftoverPostmaster.stopIfRunning(directory.toPath());
			});
		Path directory = null;
		if (settings.persistent()) {
			directory = settings.path();
			createDirectory(directory);
			builder.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPGStartupWait(PERSISTENT_START_UP)
				// zonky starts postgres with -F (fsync=off) and synchronous_commit=off; these come after.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (EmbeddedDatabaseNotStarted ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw StartFailure.explain(ex, directory, passwordFile);
		}
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, password);
		if (directory != null) {
			PasswordAuthentication.require(directory, server.jdbcUrl(), password);
		}
		log.info("No DATABASE_URL: started an embedded PostgreSQL on 127.0.0.1:{} with its data in {}",
				postgres.getPort(), directory != null ? directory : "a temporary directory");
		return server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
	}

	String password() {
		return password;
	}

	private static String read(Path passwordFile) {
		try {
			return Files.readString(passwordFile).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the embedded database password " + passwordFile, ex);
		}
	}

	private static void createDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the embedded database directory " + directory, ex);
		}
	}

	private static void restrictToOwner(Path directory) {
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): PostgreSQL checks what it can itself.
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL did not stop cleanly", ex);
		}
	}

	private static synchronized void stopAll() {
		servers.values().forEach(EmbeddedPostgresServer::stop);
	}

	/** Why zonky could not start PostgreSQL, in one line. */
	private static final class StartFailure {

		/** PostgreSQL's "password authentication failed". */
		private static final String INVALID_PASSWORD = "28P01";

		static EmbeddedDatabaseNotStarted explain(Exception ex, @Nullable Path directory, Path passwordFile) {
			String where = directory != null ? directory.toString() : "a temporary directory";
			if (refusedPassword(ex)) {
				return new EmbeddedDatabaseNotStarted(
						"The embedded PostgreSQL in " + where + " refused the password kept in " + passwordFile + ".",
						"Put back the password file this database was created with, or move " + where
								+ " away to start with an empty database.",
						ex);
			}
			if (ex.getMessage() != null && ex.getMessage().startsWith("could not lock")) {
				return new EmbeddedDatabaseNotStarted(
						"The embedded PostgreSQL in " + where + " is in use by another running Parley (it holds "
								+ ex.getMessage().substring("could not lock ".length()) + ").",
						"Stop the other server, or give this one its own PARLEY_DATA_DIR.", ex);
			}
			return new EmbeddedDatabaseNotStarted(
					"The embedded PostgreSQL in " + where + " did not start: " + ex.getMessage() + ".",
					"PostgreSQL says why in the log lines above (logger i.z.t.d.p.embedded.EmbeddedPostgres); fix that and start again.",
					ex);
		}

		private static boolean refusedPassword(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && INVALID_PASSWORD.equals(sql.getSQLState())) {
					return true;
				}
			}
			return false;
		}
	}
}
