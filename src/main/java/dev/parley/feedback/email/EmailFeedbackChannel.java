package dev.parley.feedback.email;

import java.util.List;

import dev.parley.feedback.ChannelDeliveryRate;
import dev.parley.feedback.FeedbackChannel;
import dev.parley.feedback.FeedbackDelivery;
import dev.parley.feedback.FeedbackDeliveryFailed;
import dev.parley.identity.UserChannels;
import dev.parley.platform.ParleyException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivers a feedback request by mail to the recipient's feedback address (their account's unless
 * they chose another), through the SMTP server of {@code SPRING_MAIL_HOST}. The mail is sent before
 * {@link #deliver} returns, so that a refusal of the SMTP server is the request's delivery failure.
 */
class EmailFeedbackChannel implements FeedbackChannel {

	static final String NAME = "email";

	private static final Logger log = LoggerFactory.getLogger(EmailFeedbackChannel.class);

	private final @Nullable JavaMailSender sender;

	private final UserChannels userChannels;

	private final EmailLinks links;

	private final EmailChannelProperties properties;

	private final ChannelDeliveryRate rate;

	EmailFeedbackChannel(@Nullable JavaMailSender sender, UserChannels userChannels, EmailLinks links,
			EmailChannelProperties properties, ChannelDeliveryRate rate) {
		this.sender = sender;
		this.userChannels = userChannels;
		this.links = links;
		this.properties = properties;
		this.rate = rate;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(FeedbackDelivery delivery) {
		JavaMailSender mail = sender;
		if (mail == null) {
			throw new FeedbackDeliveryFailed("Mail is not configured on this server (SPRING_MAIL_HOST).");
		}
		String address = address(delivery);
		rate.take(NAME, delivery.recipientId());
		List<EmailLinks.IssuedLink> issued = links.issue(delivery, address);
		List<FeedbackMail.Choice> choices = issued.stream()
			.map(link -> new FeedbackMail.Choice(link.answer(), properties.link(link.token())))
			.toList();
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(address);
			helper.setSubject(FeedbackMail.subject(delivery));
			helper.setText(FeedbackMail.text(delivery, choices), FeedbackMail.html(delivery, choices));
			message.setHeader("Auto-Submitted", "auto-generated");
			mail.send(message);
			log.info("Mailed feedback request {} to the recipient {}", delivery.requestId(), delivery.recipientId());
		}
		catch (MessagingException | MailException ex) {
			links.withdraw(issued);
			throw new FeedbackDeliveryFailed("The mail could not be sent: " + ex.getMessage(), ex);
		}
	}

	private String address(FeedbackDelivery delivery) {
		try {
			return userChannels.of(delivery.recipientId()).email();
		}
		catch (ParleyException ex) {
			throw new FeedbackDeliveryFailed("The recipient has no account any more.", ex);
		}
	}
}
