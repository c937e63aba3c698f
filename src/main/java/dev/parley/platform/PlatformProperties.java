package dev.parley.platform;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the platform.
 *
 * @param dataDirectory where a server without external services keeps its state ({@code ./data})
 * @param corsOrigins origins allowed to call the API from a browser ({@code CORS_ORIGINS}, comma separated)
 * @param maxRequestSize the largest request body accepted (1 MiB)
 * @param logFormat {@code text} or {@code json} ({@code LOG_FORMAT}); applied before the context starts
 * @param embeddedDatabase the PostgreSQL started when no {@code DATABASE_URL} is set
 * @param metricsToken the bearer token that may read {@code /metrics} and the components of
 * {@code /health} besides admins ({@code PARLEY_METRICS_TOKEN}); blank: admins only
 */
@ConfigurationProperties("parley.platform")
public record PlatformProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue List<String> corsOrigins, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue("text") String logFormat, @DefaultValue EmbeddedDatabase embeddedDatabase,
		@DefaultValue("") String metricsToken) {

	/**
	 * @param dataDirectory where the embedded server keeps its data; blank for a throw-away directory
	 *     (the test suite's, which trades durability for speed)
	 * @param allowInProduction whether the {@code production} profile may run on the embedded server
	 *     ({@code PARLEY_ALLOW_EMBEDDED_DATABASE})
	 */
	public record EmbeddedDatabase(@DefaultValue("./data/postgres") String dataDirectory,
			@DefaultValue("false") boolean allowInProduction) {

		boolean persistent() {
			return dataDirectory != null && !dataDirectory.isBlank();
		}

		Path path() {
			return Path.of(dataDirectory).toAbsolutePath().normalize();
		}
	}
}
