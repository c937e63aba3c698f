package dev.parley.feedback.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dev.parley.feedback.ChannelDeliveryRate;
import dev.parley.feedback.FeedbackInbox;
import dev.parley.identity.UserChannels;
import dev.parley.platform.DevelopmentSecrets;
import dev.parley.platform.PublicEndpoints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the email channel. Its pages are public: the signed token of a link is the proof. */
@Configuration(proxyBeanMethods = false)
class EmailChannelConfiguration {

	@Bean
	PublicEndpoints emailFeedbackPublicEndpoints() {
		return PublicEndpoints.of(EmailFeedbackPages.PATH);
	}

	@Bean
	EmailLinkTokens emailLinkTokens(EmailChannelProperties properties, DevelopmentSecrets developmentSecrets) {
		byte[] secret = properties.linkSecret().isBlank()
				? developmentSecrets.obtain("feedback-link-key", 32, EmailChannelProperties.SECRET_SETTING)
				: properties.linkSecret().getBytes(StandardCharsets.UTF_8);
		if (secret.length < 32) {
			throw new IllegalStateException(EmailChannelProperties.SECRET_SETTING + " must be at least 32 bytes long.");
		}
		return new EmailLinkTokens(secret);
	}

	@Bean
	EmailLinks emailLinks(JdbcClient jdbc, EmailLinkTokens tokens, Clock clock) {
		return new EmailLinks(jdbc, tokens, clock);
	}

	@Bean
	EmailFeedbackChannel emailFeedbackChannel(ObjectProvider<JavaMailSender> sender, UserChannels userChannels,
			EmailLinks links, EmailChannelProperties properties, ObjectProvider<ChannelDeliveryRate> rate) {
		return new EmailFeedbackChannel(sender.getIfAvailable(), userChannels, links, properties,
				rate.getIfAvailable(() -> ChannelDeliveryRate.UNLIMITED));
	}

	/** The inbox is resolved on first use: the feedback core declares it. */
	@Bean
	EmailAnswers emailAnswers(EmailLinkTokens tokens, EmailLinks links, UserChannels userChannels,
			@Lazy FeedbackInbox inbox, TransactionTemplate transactions, Clock clock) {
		return new EmailAnswers(tokens, links, userChannels, inbox, transactions, clock);
	}
}
