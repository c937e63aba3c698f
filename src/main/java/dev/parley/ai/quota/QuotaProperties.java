package dev.parley.ai.quota;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of quotas; application.yaml names the environment variable of each.
 *
 * @param holdFor how long a generation's reservation holds at most: one still held after this (its
 *     node crashed) lapses ({@code PARLEY_QUOTA_HOLD_FOR})
 * @param definitionsCachedFor how long each node reuses the quotas admins set before reading them
 *     again ({@code PARLEY_QUOTA_CACHE})
 */
@ConfigurationProperties("parley.ai.quotas")
record QuotaProperties(@DefaultValue("15m") Duration holdFor, @DefaultValue("1s") Duration definitionsCachedFor) {
}
