package dev.parley.platform;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health, as the component {@code database}, so that {@code /health/db} can be a
 * health group of its own: a group shows its status to anyone, where a component's path is hidden
 * from callers who may not see components (only admins and the metrics token may).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	DataSourceHealthIndicator databaseHealthIndicator(DataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource);
	}
}
