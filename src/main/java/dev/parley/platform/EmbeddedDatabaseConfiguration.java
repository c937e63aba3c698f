package dev.parley.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * A first run needs no database server: when neither {@code DATABASE_URL} nor
 * {@code spring.datasource.url} is set, Parley starts an embedded PostgreSQL and connects to it
 * with the password generated for it. The {@code production} profile refuses to, unless
 * {@code PARLEY_ALLOW_EMBEDDED_DATABASE} is true.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

	/** Pool settings under {@code spring.datasource.hikari} apply here as they would to Boot's pool. */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(PlatformProperties properties, DevelopmentSecrets secrets, Environment environment) {
		PlatformProperties.EmbeddedDatabase settings = properties.embeddedDatabase();
		if (environment.acceptsProfiles(Profiles.of("production")) && !settings.allowInProduction()) {
			throw new EmbeddedDatabaseNotStarted(
					"The production profile does not run on the embedded PostgreSQL: DATABASE_URL is not set.",
					"Set DATABASE_URL to your PostgreSQL server, or PARLEY_ALLOW_EMBEDDED_DATABASE=true to keep the data in the embedded one.",
					null);
		}
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.obtain(settings,
				secrets.keep("embedded-postgres-password", 24));
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setJdbcUrl(postgres.jdbcUrl());
		dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
		dataSource.setPassword(postgres.password());
		dataSource.setPoolName("parley-embedded");
		return dataSource;
	}

	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
