package dev.parley.catalog.newsletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.parley.platform.DevelopmentSecrets;
import dev.parley.platform.PublicEndpoints;
import dev.parley.platform.limits.RateLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the newsletter. Its routes are public: subscribing, the confirmation and unsubscribe pages
 * and their API twins need no account (the tokens are the proof); the consent ledger's routes are
 * for admins.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterConfiguration {

	static final String SECRET_SETTING = "PARLEY_NEWSLETTER_SECRET";

	@Bean
	PublicEndpoints newsletterPublicEndpoints() {
		return PublicEndpoints.of("/api/v1/newsletter/subscribe", "/api/v1/newsletter/unsubscribe",
				"/api/v1/newsletter/erase", "/newsletter/confirm", "/newsletter/unsubscribe");
	}

	@Bean
	NewsletterTokens newsletterTokens(NewsletterProperties properties, DevelopmentSecrets developmentSecrets) {
		byte[] secret = properties.tokenSecret().isBlank()
				? developmentSecrets.obtain("newsletter-token-key", 32, SECRET_SETTING)
				: properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
		if (secret.length < 32) {
			throw new IllegalStateException(SECRET_SETTING + " must be at least 32 bytes long.");
		}
		return new NewsletterTokens(secret);
	}

	@Bean(destroyMethod = "close")
	ExecutorService newsletterMailExecutor() {
		return Executors.newVirtualThreadPerTaskExecutor();
	}

	@Bean
	NewsletterMailer newsletterMailer(ObjectProvider<JavaMailSender> sender, NewsletterProperties properties,
			ExecutorService newsletterMailExecutor) {
		return new NewsletterMailer(sender.getIfAvailable(), properties, newsletterMailExecutor);
	}

	@Bean
	Newsletter newsletter(JdbcClient jdbc, TransactionTemplate transactions, NewsletterTokens tokens,
			NewsletterMailer mailer, NewsletterProperties properties, Clock clock) {
		return new Newsletter(jdbc, transactions, tokens, mailer, properties, clock);
	}

	@Bean
	SubscribeThrottle subscribeThrottle(NewsletterProperties properties, RateLimits limits) {
		return new SubscribeThrottle(properties.throttle(), limits);
	}
}
