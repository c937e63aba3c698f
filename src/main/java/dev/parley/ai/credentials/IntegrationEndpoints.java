package dev.parley.ai.credentials;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.delete;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.patch;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.SessionOnlyEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Storing, changing and deleting a provider key need a login session: whoever may change an
 * integration decides where the user's provider key is sent. An API key may still list and read
 * integrations and {@code POST /{id}/test} them: a test sends the stored key only to the endpoint
 * it was stored with and changes nothing but the recorded outcome.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationEndpoints {

	@Bean
	SessionOnlyEndpoints integrationSessionOnlyEndpoints() {
		return SessionOnlyEndpoints.of(post("/api/v1/integrations"), patch("/api/v1/integrations/*"),
				delete("/api/v1/integrations/*"));
	}
}
