package dev.parley.platform;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health components {@code database} and {@code process}. Anyone may read the status of
 * {@code /health}, {@code /health/db} and {@code /health/ping}; only admins and the metrics token
 * see the components. A component's own path is hidden from callers who may not see components, a
 * health group's is not: so {@code db} and {@code ping} are groups (application.yaml), and the
 * components they hold need names of their own, as a group may not share a component's name.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	DataSourceHealthIndicator databaseHealthIndicator(DataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource);
	}

	/** Up while the server answers: what {@code /health/ping} reports, without touching the database. */
	@Bean
	HealthIndicator processHealthIndicator() {
		return () -> Health.up().build();
	}
}
