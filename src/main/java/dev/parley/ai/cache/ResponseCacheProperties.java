package dev.parley.ai.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the response cache; application.yaml names the environment variable of each.
 *
 * @param defaultTtl how long a stored answer lives when the request or agent names no time
 *     ({@code PARLEY_CACHE_TTL})
 * @param maxTtl the most a request or agent may ask for ({@code PARLEY_CACHE_MAX_TTL})
 */
@ConfigurationProperties("parley.ai.cache")
record ResponseCacheProperties(@DefaultValue("1h") Duration defaultTtl, @DefaultValue("24h") Duration maxTtl) {
}
