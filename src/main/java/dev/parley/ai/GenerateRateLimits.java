package dev.parley.ai;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.limits.RateLimitPolicies;
import dev.parley.platform.limits.RateLimitedEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One-off generations ({@code POST /api/v1/ai/generate}) count as messages of their user, as chat
 * turns do. The OpenAI-compatible {@code /v1} is limited per API key instead ({@code rpm}, {@code tpm}).
 */
@Configuration(proxyBeanMethods = false)
class GenerateRateLimits {

	@Bean
	RateLimitedEndpoints generateEndpointRateLimits(RateLimitPolicies policies) {
		return RateLimitedEndpoints.perCaller(policies.userMessages(), post("/api/v1/ai/generate"));
	}
}
