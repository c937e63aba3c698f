package dev.parley.feedback.email;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.feedback.ChannelDeliveryRate;
import dev.parley.feedback.FeedbackChannel;
import dev.parley.feedback.FeedbackDelivery;
import dev.parley.feedback.FeedbackDeliveryFailed;
import dev.parley.feedback.FeedbackInbox.AnswerOutcome;
import dev.parley.feedback.RecordingFeedbackInbox;
import dev.parley.identity.UserChannels;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The email channel over real SMTP (GreenMail) and real HTTP: the mail, its links, their pages. */
@IntegrationTest
@Import(RecordingFeedbackInbox.Configuration.class)
@TestPropertySource(properties = { "parley.feedback.email.public-url=https://parley.example.com/",
		"parley.feedback.email.from=Parley <feedback@parley.example.com>" })
class EmailFeedbackIntegrationTests {

	private static final Pattern LINK = Pattern.compile("https://parley\\.example\\.com(/feedback/email\\?token=[A-Za-z0-9_.\\-]+)");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	ApiClient api;

	@Autowired
	List<FeedbackChannel> channels;

	@Autowired
	RecordingFeedbackInbox inbox;

	@Autowired
	UserChannels userChannels;

	@Autowired
	EmailLinks links;

	@Autowired
	EmailChannelProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mailsOneLinkPerOptionAndOnlyThePostOfItsPageAnswers() throws Exception {
		ApiClient.Session recipient = api.register();
		UUID request = deliver(recipient, List.of("Approve", "Deny"), Instant.now().plus(Duration.ofHours(1)));

		MimeMessage message = mailTo(recipient.email());
		assertThat(message.getFrom()[0].toString()).contains("feedback@parley.example.com");
		assertThat(message.getSubject()).isEqualTo("Your answer is needed: Deploy release 42 to production?");
		assertThat(message.getContentType()).startsWith("multipart/");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("text/plain").contains("text/html").contains("The agent wants to run deploy.sh");
		Map<String, String> links = links(message);
		assertThat(links).containsOnlyKeys("Approve", "Deny");

		Response page = api.get(links.get("Approve"), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'");
		assertThat(page.header("Cache-Control")).isEqualTo("no-store");
		assertThat(page.body()).contains("Deploy release 42 to production?").contains("<form method=\"post\"")
			.doesNotContain("<script");
		assertThat(api.get(links.get("Approve"), null).status()).isEqualTo(200);
		assertThat(api.get(links.get("Deny"), null).status()).isEqualTo(200);
		assertThat(inbox.answers(request)).as("opening links decides nothing").isEmpty();

		Response answered = post(links.get("Approve"), null, null);
		assertThat(answered.status()).isEqualTo(200);
		assertThat(answered.body()).contains("Approve");
		assertThat(inbox.answers(request)).containsExactly(new RecordingFeedbackInbox.Answer(
				UUID.fromString(recipient.userId()), "email", "Approve", AnswerOutcome.ACCEPTED));

		Response again = post(links.get("Approve"), null, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("used already");
		assertThat(api.get(links.get("Approve"), null).status()).isEqualTo(409);

		Response other = post(links.get("Deny"), null, null);
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body()).contains("answered already");
		assertThat(inbox.answers(request)).extracting(RecordingFeedbackInbox.Answer::outcome)
			.containsExactly(AnswerOutcome.ACCEPTED, AnswerOutcome.ALREADY_DECIDED);
	}

	@Test
	void refusesATamperedLink() throws Exception {
		ApiClient.Session recipient = api.register();
		UUID request = deliver(recipient, List.of("Approve", "Deny"), Instant.now().plus(Duration.ofHours(1)));
		String link = links(mailTo(recipient.email())).get("Approve");
		char last = link.charAt(link.length() - 1);
		String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');

		assertThat(api.get(tampered, null).status()).isEqualTo(400);
		Response posted = post(tampered, null, null);
		assertThat(posted.status()).isEqualTo(400);
		assertThat(posted.body()).contains("not valid");
		assertThat(api.get("/feedback/email?token=garbage", null).status()).isEqualTo(400);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void refusesALinkPastTheRequestsDeadline() throws Exception {
		ApiClient.Session recipient = api.register();
		UUID request = deliver(recipient, List.of("Approve"), Instant.now().minusSeconds(60));
		String link = links(mailTo(recipient.email())).get("Approve");

		assertThat(api.get(link, null).status()).isEqualTo(410);
		assertThat(post(link, null, null).status()).isEqualTo(410);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void refusesAnotherAccountsSessionAndAcceptsTheRecipients() throws Exception {
		ApiClient.Session recipient = api.register();
		ApiClient.Session stranger = api.register();
		UUID request = deliver(recipient, List.of("Approve"), Instant.now().plus(Duration.ofHours(1)));
		String link = links(mailTo(recipient.email())).get("Approve");

		assertThat(api.get(link, stranger.accessToken()).status()).isEqualTo(404);
		assertThat(post(link, null, stranger.accessToken()).status()).isEqualTo(404);
		assertThat(inbox.answers(request)).isEmpty();

		assertThat(post(link, null, recipient.accessToken()).status()).isEqualTo(200);
		assertThat(inbox.answers(request)).singleElement()
			.extracting(RecordingFeedbackInbox.Answer::answeredBy)
			.isEqualTo(UUID.fromString(recipient.userId()));
	}

	@Test
	void mailsTheChosenAddressAndItsLinksStopWhenTheAddressChanges() throws Exception {
		ApiClient.Session recipient = api.register();
		String chosen = "chosen-" + UUID.randomUUID() + "@example.org";
		setEmail(recipient, chosen);
		UUID request = deliver(recipient, List.of("Approve"), Instant.now().plus(Duration.ofHours(1)));
		String link = links(mailTo(chosen)).get("Approve");
		assertThat(api.get(link, null).status()).isEqualTo(200);

		setEmail(recipient, null);
		assertThat(api.get(link, null).status()).isEqualTo(410);
		assertThat(post(link, null, null).status()).isEqualTo(410);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void aRequestWithoutOptionsLinksToAFreeTextForm() throws Exception {
		ApiClient.Session recipient = api.register();
		UUID request = deliver(recipient, List.of(), Instant.now().plus(Duration.ofHours(1)));
		Map<String, String> links = links(mailTo(recipient.email()));
		assertThat(links).containsOnlyKeys("Write your answer");
		String link = links.get("Write your answer");

		assertThat(api.get(link, null).body()).contains("<textarea");
		Response blank = post(link, "   ", null);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("<textarea");
		assertThat(inbox.answers(request)).isEmpty();

		assertThat(post(link, "Ship it on Monday <b>please</b>", null).status()).isEqualTo(200);
		assertThat(inbox.answers(request)).singleElement()
			.extracting(RecordingFeedbackInbox.Answer::answer)
			.isEqualTo("Ship it on Monday <b>please</b>");
		assertThat(post(link, "Changed my mind", null).status()).isEqualTo(409);
	}

	@Test
	void aRecipientWithoutAnAccountIsADeliveryFailure() {
		FeedbackDelivery delivery = new FeedbackDelivery(UUID.randomUUID(), UUID.randomUUID(), "Anyone?", List.of(),
				null, Instant.now().plusSeconds(60));
		assertThatThrownBy(() -> email().deliver(delivery)).isInstanceOf(FeedbackDeliveryFailed.class);
	}

	@Test
	void anSmtpRefusalIsADeliveryFailureAndLeavesNoLinks() {
		ApiClient.Session recipient = api.register();
		JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
		nowhere.setHost("127.0.0.1");
		nowhere.setPort(closedPort());
		EmailFeedbackChannel channel = new EmailFeedbackChannel(nowhere, userChannels, links, properties,
				ChannelDeliveryRate.UNLIMITED);
		FeedbackDelivery delivery = new FeedbackDelivery(UUID.randomUUID(), UUID.fromString(recipient.userId()),
				"Anyone?", List.of("Yes", "No"), null, Instant.now().plusSeconds(600));

		assertThatThrownBy(() -> channel.deliver(delivery)).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageContaining("could not be sent");
		assertThat(linkRows(delivery.requestId())).isZero();
	}

	@Test
	void aSpentDeliveryRateSendsNothing() {
		ApiClient.Session recipient = api.register();
		EmailFeedbackChannel channel = new EmailFeedbackChannel(new JavaMailSenderImpl(), userChannels, links,
				properties, (name, recipientId) -> {
					throw new FeedbackDeliveryFailed(name + " is limited for " + recipientId);
				});
		FeedbackDelivery delivery = new FeedbackDelivery(UUID.randomUUID(), UUID.fromString(recipient.userId()),
				"Anyone?", List.of("Yes"), null, Instant.now().plusSeconds(600));

		assertThatThrownBy(() -> channel.deliver(delivery)).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageStartingWith("email is limited");
		assertThat(linkRows(delivery.requestId())).isZero();
	}

	private long linkRows(UUID requestId) {
		return jdbc.sql("select count(*) from feedback_email_links where request_id = :id")
			.param("id", requestId)
			.query(Long.class)
			.single();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private UUID deliver(ApiClient.Session recipient, List<String> options, Instant deadline) {
		UUID request = UUID.randomUUID();
		UUID recipientId = UUID.fromString(recipient.userId());
		inbox.expect(request, recipientId, options);
		email().deliver(new FeedbackDelivery(request, recipientId, "Deploy release 42 to production?", options,
				"The agent wants to run deploy.sh", deadline));
		return request;
	}

	private FeedbackChannel email() {
		return channels.stream().filter(channel -> channel.name().equals("email")).findFirst().orElseThrow();
	}

	private void setEmail(ApiClient.Session session, String email) {
		Response response = api.raw("PUT", "/api/v1/users/me/channels", session.accessToken(), "application/json",
				JsonMapper.builder().build().writeValueAsString(map("email", email)));
		assertThat(response.status()).isEqualTo(200);
	}

	private Response post(String link, String answer, String bearer) {
		String token = link.substring(link.indexOf("token=") + "token=".length());
		String form = "token=" + token + (answer == null ? "" : "&answer=" + URLEncoder.encode(answer, StandardCharsets.UTF_8));
		return api.raw("POST", "/feedback/email", bearer, "application/x-www-form-urlencoded", form);
	}

	private static MimeMessage mailTo(String address) throws Exception {
		for (int waited = 0; waited < 100; waited++) {
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
					return message;
				}
			}
			mail.waitForIncomingEmail(100, mail.getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail to " + address);
	}

	/** The links of the mail's text part by what they answer, as paths on this server; the HTML part has the same. */
	private static Map<String, String> links(MimeMessage message) throws Exception {
		String text = part(message, "text/plain");
		String html = part(message, "text/html");
		Map<String, String> links = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("(?m)^(.+):\\r?\\n" + LINK.pattern()).matcher(text);
		while (matcher.find()) {
			links.put(matcher.group(1), matcher.group(2));
			assertThat(html).contains(matcher.group(2));
		}
		return links;
	}

	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
