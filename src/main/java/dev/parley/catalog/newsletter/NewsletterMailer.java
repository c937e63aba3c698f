package dev.parley.catalog.newsletter;

import java.util.concurrent.ExecutorService;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the confirmation mail, on a thread of its own so that a request's answer never waits for
 * (or reveals anything through) the SMTP server. Every mail carries RFC 8058 one-click unsubscribe
 * headers: {@code List-Unsubscribe: <https://…/newsletter/unsubscribe?token=…>} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. Without an SMTP server configured
 * ({@code SPRING_MAIL_HOST}) nothing is sent: a warning says so (without the link, which is a
 * secret), and the request stays pending until its link would have expired.
 */
class NewsletterMailer {

	private static final Logger log = LoggerFactory.getLogger(NewsletterMailer.class);

	private final @Nullable JavaMailSender sender;

	private final NewsletterProperties properties;

	private final ExecutorService executor;

	NewsletterMailer(@Nullable JavaMailSender sender, NewsletterProperties properties, ExecutorService executor) {
		this.sender = sender;
		this.properties = properties;
		this.executor = executor;
	}

	void sendConfirmation(String email, String confirmToken, String unsubscribeToken) {
		JavaMailSender mail = sender;
		if (mail == null) {
			log.warn("Mail is not configured (SPRING_MAIL_HOST): the newsletter confirmation for {} was not sent.",
					masked(email));
			return;
		}
		String confirm = properties.link("/newsletter/confirm", confirmToken);
		String unsubscribe = properties.link("/newsletter/unsubscribe", unsubscribeToken);
		executor.execute(() -> send(mail, email, confirm, unsubscribe));
	}

	private void send(JavaMailSender mail, String email, String confirm, String unsubscribe) {
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(email);
			helper.setSubject("Please confirm your subscription");
			helper.setText("""
					Someone, hopefully you, asked to subscribe %s to our newsletter.

					To confirm, open this link and press the button:
					%s

					If it was not you, ignore this mail: nothing happens without the confirmation.
					To stop any mail from us: %s
					""".formatted(email, confirm, unsubscribe));
			message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			mail.send(message);
		}
		catch (MessagingException | MailException ex) {
			log.warn("The newsletter confirmation for {} could not be sent: {}", masked(email), ex.getMessage());
		}
	}

	/** {@code j***@example.com}: enough to find a request in the logs, not a list of addresses. */
	static String masked(String email) {
		int at = email.indexOf('@');
		return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
	}
}
