package dev.parley.platform;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server survives {@code kill -9}: the embedded PostgreSQL it leaves behind does not
 * stop the next start, and the data is still there. Runs the real jar as a child process, so it
 * needs {@code package} first ({@code ./mvnw verify} runs it after packaging).
 */
class EmbeddedDatabaseCrashIT {

	private static final Duration START_UP = Duration.ofSeconds(120);

	@TempDir
	Path dataDirectory;

	private final List<Process> servers = new ArrayList<>();

	@Test
	void restartsWithItsDataAfterBeingKilled() throws Exception {
		int port = freePort();
		Process first = start(port, "first.log");
		ApiClient api = new ApiClient(port);
		ApiClient.Session user = api.register();

		first.destroyForcibly().waitFor();
		assertThat(orphanedPostmaster()).as("the embedded PostgreSQL outlives a killed server").isPresent();

		Process second = start(port, "second.log");
		ApiClient.Response login = api.post("/api/v1/auth/login", null,
				map("email", user.email(), "password", ApiClient.Session.PASSWORD));
		assertThat(login.status()).isEqualTo(200);

		second.destroy();
		assertThat(second.waitFor()).as("SIGTERM: graceful shutdown, exit status 143").isEqualTo(143);
		assertThat(dataDirectory.resolve("postgres/postmaster.pid")).as("a clean stop stops PostgreSQL too")
			.doesNotExist();
	}

	@AfterEach
	void stopEverything() throws InterruptedException {
		for (Process server : servers) {
			server.destroyForcibly().waitFor();
		}
		// Whatever the outcome, leave no PostgreSQL running on the deleted directory.
		Optional<ProcessHandle> postmaster = orphanedPostmaster();
		if (postmaster.isPresent()) {
			postmaster.get().destroy();
			postmaster.get().onExit().join();
		}
	}

	private Process start(int port, String logName) throws IOException {
		Path log = dataDirectory.resolve(logName);
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx384m",
				"-jar", System.getProperty("parley.jar", "target/parley-0.1.0-SNAPSHOT.jar"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		// The embedded database is what this test is about, whatever the build was given.
		environment.remove("DATABASE_URL");
		environment.remove("PARLEY_PROFILE");
		environment.put("PARLEY_DATA_DIR", dataDirectory.toString());
		environment.put("PORT", Integer.toString(port));
		Process server = builder.start();
		servers.add(server);
		ApiClient api = new ApiClient(port);
		await().atMost(START_UP).pollInterval(Duration.ofMillis(250)).ignoreException(java.io.UncheckedIOException.class).until(() -> {
			if (!server.isAlive()) {
				throw new AssertionError("The server stopped during start-up:\n" + Files.readString(log));
			}
			return api.get("/health", null).status() == 200;
		});
		return server;
	}

	/** The process {@code postmaster.pid} names, if it still runs. */
	private Optional<ProcessHandle> orphanedPostmaster() {
		Path pidFile = dataDirectory.resolve("postgres/postmaster.pid");
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
