package dev.parley.agents.tools.analytics;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code analytics_report}; application.yaml names the environment variable of each.
 *
 * @param apiBaseUrl the Google Analytics Data API (configured by the operator, so not guarded)
 * @param timeout how long one call to Google (token or report) may take
 * @param defaultRows rows a report returns when the call names no {@code limit}
 * @param maxRows the most rows a report may return
 * @param allowHttpTokenUri whether a key's {@code token_uri} may be plain {@code http} (tests only:
 *     the assertion and the token would cross the network in clear)
 */
@ConfigurationProperties("parley.agents.analytics")
record AnalyticsProperties(@DefaultValue("https://analyticsdata.googleapis.com") URI apiBaseUrl,
		@DefaultValue("20s") Duration timeout, @DefaultValue("100") int defaultRows,
		@DefaultValue("1000") int maxRows, @DefaultValue("false") boolean allowHttpTokenUri) {
}
