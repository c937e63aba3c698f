package dev.parley.identity;

import dev.parley.platform.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity routes a caller reaches before having a token. */
@Configuration(proxyBeanMethods = false)
class IdentityEndpoints {

	@Bean
	PublicEndpoints identityPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");
	}
}
