package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on a data directory by a server that never stopped it (killed with
 * {@code kill -9}, or by the OOM killer): found through the {@code postmaster.pid} it keeps there,
 * and stopped cleanly ({@code pg_ctl stop -m fast}) so that the next start can start its own. A pid
 * file whose process is gone is left to PostgreSQL, which removes it itself; one whose process is
 * alive but is not that PostgreSQL (its pid was reused) is removed, as PostgreSQL would refuse it.
 * Runs while the data directory's lock ({@code epg-lock}) is held, so no live Parley uses it.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	static final String PID_FILE = "postmaster.pid";

	private static final String STOP_TIMEOUT_SECONDS = "60";

	/** How far a process's start may lie from the start time its pid file records. */
	private static final Duration START_TOLERANCE = Duration.ofSeconds(10);

	private LeftoverPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		if (Files.notExists(pidFile)) {
			return;
		}
		Optional<Recorded> recorded = Recorded.read(pidFile);
		if (recorded.isEmpty()) {
			log.warn("Removing {}: it names no process (left by a crash)", pidFile);
			delete(pidFile);
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(recorded.get().pid()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			log.info("{} is stale (process {} is gone); PostgreSQL replaces it", pidFile, recorded.get().pid());
			return;
		}
		Optional<String> command = process.get().info().command();
		if (command.isEmpty()) {
			// Not ours to inspect (another user's): PostgreSQL itself treats such a pid file as stale.
			return;
		}
		if (!recorded.get().describes(process.get(), Path.of(command.get()), dataDirectory)) {
			log.warn("Removing {}: process {} is not the PostgreSQL that wrote it", pidFile, recorded.get().pid());
			delete(pidFile);
			return;
		}
		stop(dataDirectory, recorded.get().pid(), Path.of(command.get()).resolveSibling("pg_ctl"));
	}

	private static void stop(Path dataDirectory, long pid, Path pgCtl) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		log.warn("The PostgreSQL of a server that did not stop (PID {}) still runs on {}: stopping it", pid,
				dataDirectory);
		String output;
		int exitCode;
		try {
			List<String> command = new ArrayList<>();
			if (LinuxUtils.isUnshareAvailable()) {
				// As zonky runs its own commands: pg_ctl refuses to run as root outside a user namespace.
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t",
					STOP_TIMEOUT_SECONDS));
			Process stop = new ProcessBuilder(command).redirectErrorStream(true).start();
			output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			exitCode = stop.waitFor();
		}
		catch (IOException ex) {
			output = ex.getMessage();
			exitCode = -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping PostgreSQL process " + pid, ex);
		}
		if (exitCode != 0 || Files.exists(pidFile)) {
			throw new EmbeddedDatabaseNotStarted(
					pidFile + " names PID " + pid + ", a PostgreSQL still running on this data directory that could not be stopped ("
							+ lastLine(output) + ").",
					"Stop process " + pid + " (kill " + pid + ") and start again.", null);
		}
	}

	private static String lastLine(String output) {
		List<String> lines = output.lines().toList();
		return lines.isEmpty() ? "no output" : lines.getLast();
	}

	private static void delete(Path pidFile) {
		try {
			Files.deleteIfExists(pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first lines of {@code postmaster.pid}: the postmaster's pid, data directory and start time. */
	private record Recorded(long pid, Path dataDirectory, Instant started) {

		static Optional<Recorded> read(Path pidFile) {
			try {
				List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
				return Optional.of(new Recorded(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim()),
						Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim()))));
			}
			catch (IOException | RuntimeException ex) {
				return Optional.empty();
			}
		}

		/**
		 * Whether {@code process} is the postmaster that wrote this for {@code directory}: not a later
		 * process with its pid, nor the postmaster of a directory this one was copied from.
		 */
		boolean describes(ProcessHandle process, Path command, Path directory) {
			boolean postgres = command.getFileName().toString().startsWith("postgres");
			Optional<Instant> start = process.info().startInstant();
			return postgres && sameFile(dataDirectory, directory) && start.isPresent()
					&& Duration.between(start.get(), started).abs().compareTo(START_TOLERANCE) <= 0;
		}

		private static boolean sameFile(Path one, Path other) {
			try {
				return Files.isSameFile(one, other);
			}
			catch (IOException ex) {
				return false;
			}
		}
	}
}
