package dev.parley.platform.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rate limits; application.yaml names the environment variable of each. Every count
 * is per {@code window}.
 *
 * @param userMessages chat turns one user may start ({@code PARLEY_LIMIT_USER_MESSAGES})
 * @param sessionMessages messages one live (WebSocket) session may send ({@code PARLEY_LIMIT_SESSION_MESSAGES})
 * @param channelMessages messages one feedback channel may carry ({@code PARLEY_LIMIT_CHANNEL_MESSAGES})
 * @param authRequestsPerAddress requests one client address may make to the sign-in endpoints
 *     ({@code PARLEY_LIMIT_AUTH_PER_ADDRESS})
 * @param window the window of the counts above
 * @param localBuckets how many buckets this process keeps at most
 * @param redisTimeout the longest a limit waits for Redis before it counts as unreachable
 * @param redisRetry how long after Redis failed the limits stop asking it
 */
@ConfigurationProperties("parley.platform.limits")
record LimitsProperties(@DefaultValue("30") int userMessages, @DefaultValue("10") int sessionMessages,
		@DefaultValue("20") int channelMessages, @DefaultValue("120") int authRequestsPerAddress,
		@DefaultValue("1m") Duration window, @DefaultValue("100000") long localBuckets,
		@DefaultValue("250ms") Duration redisTimeout, @DefaultValue("1s") Duration redisRetry) {
}
