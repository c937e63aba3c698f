package dev.parley.analytics.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery.
 *
 * @param retrySchedule the waits after each failed attempt (the Standard Webhooks schedule: 5 s,
 *     5 min, 30 min, 2 h, 5 h, 10 h, 10 h); past the last one a delivery has failed
 * @param jitter the share of each wait added or taken at random (0.1: ±10 %), so endpoints that
 *     came back do not get every retry at once
 * @param timeout how long an endpoint has to answer an attempt
 * @param pollInterval how often each node looks for deliveries that are due
 * @param lease how long an attempt holds its delivery: a node that stops mid-attempt leaves it to
 *     another after this
 * @param subscriptionsRefresh how often each node re-reads which event types some endpoint wants
 *     (an endpoint created on another node gets events after at most this)
 */
@ConfigurationProperties("parley.analytics.webhooks")
record WebhookProperties(
		@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("0.1") double jitter, @DefaultValue("10s") Duration timeout,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("1s") Duration subscriptionsRefresh) {
}
