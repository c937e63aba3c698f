package dev.parley.catalog.newsletter;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the newsletter; application.yaml names the environment variable of each.
 *
 * @param publicUrl where people reach this server, for the links in mails ({@code PARLEY_PUBLIC_URL})
 * @param from the sender of the newsletter's mails ({@code PARLEY_MAIL_FROM})
 * @param lists the lists one may subscribe to; the first is the default ({@code PARLEY_NEWSLETTER_LISTS})
 * @param tokenSecret the HMAC key of confirmation and unsubscribe tokens, at least 32 bytes
 *     ({@code PARLEY_NEWSLETTER_SECRET}); a development key is generated when blank
 * @param confirmTokenTtl how long a confirmation link works
 * @param unsubscribeTokenTtl how long an unsubscribe link works
 * @param throttle how many subscription requests an address and an email may make
 */
@ConfigurationProperties("parley.catalog.newsletter")
record NewsletterProperties(@DefaultValue("http://localhost:8000") URI publicUrl,
		@DefaultValue("Parley <no-reply@localhost>") String from, @DefaultValue("news") List<String> lists,
		@DefaultValue("") String tokenSecret, @DefaultValue("48h") Duration confirmTokenTtl,
		@DefaultValue("180d") Duration unsubscribeTokenTtl, @DefaultValue Throttle throttle) {

	/** Subscription requests per window: per client address and per email address. */
	record Throttle(@DefaultValue("20") int perAddress, @DefaultValue("3") int perEmail,
			@DefaultValue("1h") Duration window) {
	}

	String link(String path, String token) {
		String base = publicUrl.toString().replaceAll("/+$", "");
		return base + path + "?token=" + token;
	}
}
