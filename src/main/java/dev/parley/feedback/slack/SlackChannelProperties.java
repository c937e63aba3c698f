package dev.parley.feedback.slack;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Slack channel; application.yaml names the environment variable of each.
 *
 * @param apiUrl the Slack Web API ({@code PARLEY_SLACK_API_URL}, {@code https://slack.com/api})
 * @param botToken the bot token ({@code xoxb-…}, scope {@code chat:write}) requests are posted with
 *     ({@code PARLEY_SLACK_BOT_TOKEN}); blank: the channel refuses deliveries
 * @param signingSecret the app's signing secret ({@code PARLEY_SLACK_SIGNING_SECRET}); blank: every
 *     interactivity callback is refused
 * @param timeout the longest one call to Slack may take
 * @param longestRetryAfter the longest {@code Retry-After} of a 429 waited for, once
 */
@ConfigurationProperties("parley.feedback.slack")
record SlackChannelProperties(@DefaultValue("https://slack.com/api") URI apiUrl, @DefaultValue("") String botToken,
		@DefaultValue("") String signingSecret, @DefaultValue("10s") Duration timeout,
		@DefaultValue("30s") Duration longestRetryAfter) {

	@Override
	public String toString() {
		return "SlackChannelProperties[apiUrl=" + apiUrl + ", botToken=" + (botToken.isBlank() ? "" : "***")
				+ ", signingSecret=" + (signingSecret.isBlank() ? "" : "***") + ", timeout=" + timeout
				+ ", longestRetryAfter=" + longestRetryAfter + "]";
	}
}
