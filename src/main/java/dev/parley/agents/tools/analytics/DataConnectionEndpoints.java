package dev.parley.agents.tools.analytics;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.delete;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.SessionOnlyEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adding and deleting a data connection need a login session: a connection holds a secret of the
 * user's (a service account key) and decides where it is sent, so a program's API key may list the
 * connections but not add or remove one.
 */
@Configuration(proxyBeanMethods = false)
class DataConnectionEndpoints {

	@Bean
	SessionOnlyEndpoints dataConnectionSessionOnlyEndpoints() {
		return SessionOnlyEndpoints.of(post("/api/v1/data-connections"), delete("/api/v1/data-connections/*"));
	}
}
