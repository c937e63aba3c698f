package dev.parley.feedback;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * People in the loop ({@code parley.feedback.*}).
 *
 * @param defaultTimeout how long a request waits when it names no timeout ({@code PARLEY_FEEDBACK_DEFAULT_TIMEOUT})
 * @param maxTimeout the longest timeout a request may name ({@code PARLEY_FEEDBACK_MAX_TIMEOUT})
 * @param defaultChannels where a request is delivered when it names no channels ({@code PARLEY_FEEDBACK_DEFAULT_CHANNELS})
 * @param approvalOnTimeout what an {@code ask} policy's approval request does at its deadline
 *     ({@code PARLEY_FEEDBACK_APPROVAL_ON_TIMEOUT}: wait, deny, approve or halt)
 */
@ConfigurationProperties("parley.feedback")
record FeedbackProperties(@DefaultValue("48h") Duration defaultTimeout, @DefaultValue("30d") Duration maxTimeout,
		@DefaultValue("in_app") List<String> defaultChannels, @DefaultValue("deny") OnTimeout approvalOnTimeout) {
}
