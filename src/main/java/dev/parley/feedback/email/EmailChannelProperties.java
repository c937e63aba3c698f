package dev.parley.feedback.email;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the email channel; the SMTP server is Spring Boot's {@code spring.mail.*}
 * ({@code SPRING_MAIL_HOST} ...). application.yaml names the environment variable of each.
 *
 * @param publicUrl where people reach this server, for the links in mails ({@code PARLEY_PUBLIC_URL})
 * @param from the sender of feedback mails ({@code PARLEY_MAIL_FROM})
 * @param linkSecret the HMAC key of the links, at least 32 bytes ({@code PARLEY_FEEDBACK_LINK_SECRET});
 *     a development key is generated when blank, and the production profile refuses to start without it
 */
@ConfigurationProperties("parley.feedback.email")
record EmailChannelProperties(@DefaultValue("http://localhost:8000") URI publicUrl,
		@DefaultValue("Parley <no-reply@localhost>") String from, @DefaultValue("") String linkSecret) {

	static final String SECRET_SETTING = "PARLEY_FEEDBACK_LINK_SECRET";

	/** The page a link opens: the token goes in the query, which the access log leaves out. */
	String link(String token) {
		return publicUrl.toString().replaceAll("/+$", "") + EmailFeedbackPages.PATH + "?token=" + token;
	}
}
