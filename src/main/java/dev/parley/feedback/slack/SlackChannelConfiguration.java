package dev.parley.feedback.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.parley.feedback.ChannelDeliveryRate;
import dev.parley.feedback.FeedbackInbox;
import dev.parley.identity.UserChannels;
import dev.parley.platform.PublicEndpoints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Wires the Slack channel. Its callback is public: Slack's signature is the proof. */
@Configuration(proxyBeanMethods = false)
class SlackChannelConfiguration {

	@Bean
	PublicEndpoints slackPublicEndpoints() {
		return PublicEndpoints.of(SlackInteractionsController.PATH);
	}

	/** After the request-size limit, before security and Spring MVC read the form. */
	@Bean
	FilterRegistrationBean<SlackRawBody> slackRawBody() {
		FilterRegistrationBean<SlackRawBody> registration = new FilterRegistrationBean<>(new SlackRawBody());
		registration.addUrlPatterns(SlackInteractionsController.PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	SlackApi slackApi(SlackChannelProperties properties, JsonMapper json) {
		return new SlackApi(properties, json);
	}

	@Bean
	SlackMessages slackMessages(JsonMapper json) {
		return new SlackMessages(json);
	}

	@Bean
	SlackSignature slackSignature(SlackChannelProperties properties) {
		return new SlackSignature(properties.signingSecret());
	}

	@Bean
	SlackFeedbackChannel slackFeedbackChannel(SlackApi api, SlackMessages messages, UserChannels userChannels,
			ObjectProvider<ChannelDeliveryRate> rate) {
		return new SlackFeedbackChannel(api, messages, userChannels, rate.getIfAvailable(() -> ChannelDeliveryRate.UNLIMITED));
	}

	@Bean(destroyMethod = "close")
	ExecutorService slackMessageUpdates() {
		return Executors.newVirtualThreadPerTaskExecutor();
	}

	/** The inbox is resolved on first use: the feedback core declares it. */
	@Bean
	SlackInteractions slackInteractions(SlackMessages messages, SlackApi api, UserChannels userChannels,
			@Lazy FeedbackInbox inbox, ExecutorService slackMessageUpdates) {
		return new SlackInteractions(messages, api, userChannels, inbox, slackMessageUpdates);
	}
}
