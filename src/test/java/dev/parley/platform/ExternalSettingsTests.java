package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExternalSettingsTests {

	@Test
	void translatesAPostgresUrl() {
		Map<String, Object> settings = ExternalSettings
			.dataSourceSettings("postgres://parley:s%40cret@db.example.com:6543/chat?sslmode=require");
		assertThat(settings).containsEntry("spring.datasource.url",
				"jdbc:postgresql://db.example.com:6543/chat?sslmode=require")
			.containsEntry("spring.datasource.username", "parley")
			.containsEntry("spring.datasource.password", "s@cret");
	}

	@Test
	void acceptsThePostgresqlSchemeAndNoCredentials() {
		assertThat(ExternalSettings.dataSourceSettings("postgresql://localhost/test"))
			.containsExactlyEntriesOf(Map.of("spring.datasource.url", "jdbc:postgresql://localhost/test"));
	}

	@Test
	void passesAJdbcUrlThrough() {
		assertThat(ExternalSettings.dataSourceSettings("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))
			.containsExactlyEntriesOf(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
	}

	@Test
	void refusesOtherDatabases() {
		assertThatThrownBy(() -> ExternalSettings.dataSourceSettings("mysql://localhost/test"))
			.hasMessageContaining("postgres://");
	}
}
