package dev.parley.analytics.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An erased user's export zips go too; the rows listing them go with the user (analytics exports them). */
@Component
class ExportsPersonalData implements PersonalData {

	private static final Logger log = LoggerFactory.getLogger(ExportsPersonalData.class);

	private final JdbcClient jdbc;

	private final Path directory;

	ExportsPersonalData(JdbcClient jdbc, PlatformProperties platform) {
		this.jdbc = jdbc;
		this.directory = DataExports.directory(platform);
	}

	@Override
	public void export(Subject subject, ExportSink sink) {
		// The list of exports is part of analytics' section; the zips themselves are not exported again.
	}

	@Override
	public void erase(Subject subject) {
		for (UUID id : jdbc.sql("select id from data_exports where user_id = :userId")
			.param("userId", subject.userId())
			.query(UUID.class)
			.list()) {
			try {
				Files.deleteIfExists(directory.resolve(id + ".zip"));
			}
			catch (IOException ex) {
				log.warn("The zip of export {} could not be deleted", id, ex);
			}
		}
	}
}
