package dev.parley.platform.flags;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the feature flags; application.yaml names the environment variable of each.
 *
 * @param refreshInterval how often a node checks the store's version for changes made on other nodes
 * @param defaults the built-in flags and whether each is on for everyone until an admin stores a rule
 */
@ConfigurationProperties("parley.platform.flags")
record FlagsProperties(@DefaultValue("2s") Duration refreshInterval, @DefaultValue Map<String, Boolean> defaults) {
}
