package dev.parley.agents;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.limits.RateLimitPolicies;
import dev.parley.platform.limits.RateLimitedEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chat turns count against their user's messages per minute ({@code parley.platform.limits.user-messages}),
 * whichever credential started them. A WebSocket {@code chat.send} counts in the live session's bucket too.
 */
@Configuration(proxyBeanMethods = false)
class TurnRateLimits {

	@Bean
	RateLimitedEndpoints agentTurnRateLimits(RateLimitPolicies policies) {
		return RateLimitedEndpoints.perCaller(policies.userMessages(), post("/api/v1/chats/{chatId}/completions"),
				post("/api/v1/query"));
	}
}
