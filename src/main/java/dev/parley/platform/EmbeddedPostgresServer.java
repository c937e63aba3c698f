package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The one embedded PostgreSQL of this JVM. Application contexts come and go (tests start several);
 * the server lives until the JVM exits, so they all share it.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	static synchronized EmbeddedPostgres obtain(PlatformProperties.EmbeddedDatabase settings) {
		if (server == null) {
			server = start(settings);
			// Boot runs shutdown handlers after every application context has closed, so nothing
			// still needs the database when it stops.
			SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stop);
		}
		return server;
	}

	private static EmbeddedPostgres start(PlatformProperties.EmbeddedDatabase settings) {
		try {
			// Our own shutdown handler stops it, after the contexts that use it; see obtain().
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
			if (settings.persistent()) {
				Files.createDirectories(settings.path());
				builder.setDataDirectory(settings.path()).setCleanDataDirectory(false);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("No DATABASE_URL: started an embedded PostgreSQL on port {} with its data in {}", postgres.getPort(),
					settings.persistent() ? settings.path() : "a temporary directory");
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
		}
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL did not stop cleanly", ex);
		}
	}
}
