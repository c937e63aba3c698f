package dev.parley.identity;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.any;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.delete;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.patch;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.PublicEndpoints;
import dev.parley.platform.SessionOnlyEndpoints;
import dev.parley.platform.SessionOnlyEndpoints.Endpoint;
import dev.parley.platform.limits.RateLimitPolicies;
import dev.parley.platform.limits.RateLimitedEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The identity routes a caller reaches before having a token, and those only a login session may
 * call. An API key may read the profile but not change it (the username is a login name), may not
 * change the password, end sessions or manage API keys, so that a leaked key cannot take the
 * account over, lock its owner out or mint itself successors that outlive its revocation. Nor may
 * it change where feedback requests go ({@code PUT /api/v1/users/me/channels}): whoever receives
 * them answers the approvals of the account's agents.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEndpoints {

	@Bean
	PublicEndpoints identityPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");
	}

	/** Sign-in requests per client address, on top of the wrong-password buckets of {@link LoginThrottle}. */
	@Bean
	RateLimitedEndpoints identityRateLimitedEndpoints(RateLimitPolicies policies) {
		return RateLimitedEndpoints.perClientAddress(policies.authRequests(), post("/api/v1/auth/register"),
				post("/api/v1/auth/login"), post("/api/v1/auth/refresh"));
	}

	@Bean
	SessionOnlyEndpoints identitySessionOnlyEndpoints() {
		return SessionOnlyEndpoints.of(post("/api/v1/users/me/password"), patch("/api/v1/users/me"),
				delete("/api/v1/users/me"), post("/api/v1/users/me/export"), any("/api/v1/admin/users/**"),
				post("/api/v1/auth/logout"), any("/api/v1/api-keys"), any("/api/v1/api-keys/**"),
				new Endpoint(HttpMethod.PUT, "/api/v1/users/me/channels"));
	}
}
