package dev.parley.analytics.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.identity.AccountErasure;
import dev.parley.platform.Ids;
import dev.parley.platform.PersonalData;
import dev.parley.platform.PlatformProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export jobs: a request is a row ({@code pending}); the requesting node starts it at once on a
 * virtual thread, and every node picks up pending ones (and ones a stopped node left
 * {@code running} for ten minutes) every 30 s, so a restart loses none. The zip is written whole
 * under {@code ./data/exports} and kept for seven days.
 */
@Component
class DataExports {

	private static final Logger log = LoggerFactory.getLogger(DataExports.class);

	static final Duration KEPT_FOR = Duration.ofDays(7);

	private static final Duration STALE_AFTER = Duration.ofMinutes(10);

	private static final String COLUMNS = "id, user_id, status, error, size_bytes, created_at, completed_at, expires_at";

	private final JdbcClient jdbc;

	private final List<PersonalData> personalData;

	private final AccountErasure accounts;

	private final JsonMapper json;

	private final Clock clock;

	private final Path directory;

	DataExports(JdbcClient jdbc, List<PersonalData> personalData, AccountErasure accounts, JsonMapper json,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = List.copyOf(personalData);
		this.accounts = accounts;
		this.json = json;
		this.clock = clock;
		this.directory = directory(platform);
	}

	/** A new export of the user's data, started at once. */
	DataExport request(UUID userId, UUID requestedBy) {
		accounts.subject(userId);
		UUID id = Ids.next();
		jdbc.sql("""
				insert into data_exports (id, user_id, requested_by, status, created_at)
				values (:id, :userId, :requestedBy, 'pending', :now)""")
			.param("id", id)
			.param("userId", userId)
			.param("requestedBy", requestedBy)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		Thread.ofVirtual().name("export-" + id).start(this::runPending);
		return find(userId, id).orElseThrow();
	}

	Optional<DataExport> find(UUID userId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from data_exports where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query(DataExports::export)
			.optional();
	}

	/** An admin's view: any user's export. */
	Optional<DataExport> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from data_exports where id = :id")
			.param("id", id)
			.query(DataExports::export)
			.optional();
	}

	InputStream open(DataExport export) throws IOException {
		return Files.newInputStream(zip(export.id()));
	}

	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void runPending() {
		Claimed claimed;
		while ((claimed = claim()) != null) {
			run(claimed);
		}
		removeExpired();
	}

	private @Nullable Claimed claim() {
		Instant now = clock.instant();
		return jdbc.sql("""
				update data_exports set status = 'running', started_at = :now
				where id = (select id from data_exports
				            where status = 'pending' or (status = 'running' and started_at < :stale)
				            order by created_at limit 1 for update skip locked)
				returning id, user_id""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("stale", now.minus(STALE_AFTER).atOffset(ZoneOffset.UTC))
			.query((row, n) -> new Claimed(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class)))
			.optional()
			.orElse(null);
	}

	private void run(Claimed claimed) {
		Path target = zip(claimed.id());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			Files.createDirectories(directory);
			PersonalData.Subject subject = accounts.subject(claimed.userId());
			Map<String, Long> counts;
			try (OutputStream out = Files.newOutputStream(partial); ExportZip zip = new ExportZip(out)) {
				for (PersonalData data : personalData) {
					data.export(subject, zip);
				}
				counts = zip.counts();
				Map<String, Object> manifest = new LinkedHashMap<>();
				manifest.put("user_id", subject.userId().toString());
				manifest.put("exported_at", clock.instant().toString());
				manifest.put("sections", counts);
				zip.finish(json.writeValueAsString(manifest));
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			Instant now = clock.instant();
			jdbc.sql("""
					update data_exports set status = 'ready', size_bytes = :size, completed_at = :now, expires_at = :expires
					where id = :id""")
				.param("size", Files.size(target))
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("expires", now.plus(KEPT_FOR).atOffset(ZoneOffset.UTC))
				.param("id", claimed.id())
				.update();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Export {} failed", claimed.id(), ex);
			jdbc.sql("update data_exports set status = 'failed', error = :error, completed_at = :now where id = :id")
				.param("error", "The export could not be written; ask again, or an admin for help.")
				.param("now", clock.instant().atOffset(ZoneOffset.UTC))
				.param("id", claimed.id())
				.update();
		}
		finally {
			deleteQuietly(partial);
		}
	}

	private void removeExpired() {
		jdbc.sql("delete from data_exports where expires_at < :now returning id")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.list()
			.forEach(id -> deleteQuietly(zip(id)));
	}

	static Path directory(PlatformProperties platform) {
		return platform.dataDirectory().resolve("exports");
	}

	private Path zip(UUID id) {
		return directory.resolve(id + ".zip");
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("{} could not be deleted", path, ex);
		}
	}

	private static DataExport export(ResultSet row, int rowNumber) throws SQLException {
		long size = row.getLong("size_bytes");
		Long sizeBytes = row.wasNull() ? null : size;
		return new DataExport(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("status"), row.getString("error"), sizeBytes, instant(row, "created_at"),
				instant(row, "completed_at"), instant(row, "expires_at"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record Claimed(UUID id, UUID userId) {
	}
}
