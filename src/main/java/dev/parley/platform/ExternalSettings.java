package dev.parley.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Translates the settings a deployment passes in the shape hosting platforms use into Spring's:
 * {@code DATABASE_URL} as {@code postgres://user:password@host:port/db} (or a JDBC URL) becomes the
 * data source, and {@code LOG_FORMAT=json} turns on structured console logging. Runs before the
 * logging system and the context start.
 */
class ExternalSettings implements EnvironmentPostProcessor, Ordered {

	private static final String SOURCE_NAME = "parleyExternalSettings";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> settings = new HashMap<>();
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (StringUtils.hasText(databaseUrl)) {
			settings.putAll(dataSourceSettings(databaseUrl.trim()));
		}
		if ("json".equalsIgnoreCase(environment.getProperty("parley.platform.log-format"))) {
			settings.put("logging.structured.format.console", "logstash");
		}
		if (!settings.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, settings));
		}
	}

	static Map<String, Object> dataSourceSettings(String databaseUrl) {
		if (databaseUrl.startsWith("jdbc:")) {
			return Map.of("spring.datasource.url", databaseUrl);
		}
		URI uri = URI.create(databaseUrl);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalStateException("DATABASE_URL must be a postgres:// or jdbc:postgresql:// URL");
		}
		String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			settings.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
			if (colon >= 0) {
				settings.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
			}
		}
		return settings;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public int getOrder() {
		// After application.yaml has been read, so parley.platform.log-format is known.
		return Ordered.LOWEST_PRECEDENCE;
	}
}
