package dev.parley.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.ParleyApplication;
import dev.parley.feedback.AskHumanIntegrationTests.Paused;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop over real SMTP: an agent run on one process asks its user by email and that
 * process stops; the person opens the mailed link on another process (which decides nothing),
 * answers with the page's form, and the run goes on there with the answer.
 */
@IntegrationTest
class EmailAnswerAfterRestartIntegrationTests {

	private static final String PUBLIC_URL = "https://parley.example.com/";

	private static final Pattern LINK = Pattern
		.compile("(?m)^(.+):\\r?\\nhttps://parley\\.example\\.com(/feedback/email\\?token=[A-Za-z0-9_.\\-]+)");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("parley.feedback.email.public-url", () -> PUBLIC_URL);
	}

	@Autowired
	ApiClient api;

	@Test
	void anEmailAnswerResumesARunWhoseProcessStopped() throws Exception {
		Session session;
		Paused paused;
		try (ConfigurableApplicationContext stopped = new SpringApplicationBuilder(ParleyApplication.class).run(
				"--server.port=0", "--spring.profiles.active=test", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + mail.getSmtp().getPort(), "--parley.feedback.email.public-url=" + PUBLIC_URL)) {
			ApiClient gone = new ApiClient(Integer.parseInt(stopped.getEnvironment().getProperty("local.server.port")));
			session = gone.register();
			paused = AskHumanIntegrationTests.askHuman(gone, session,
					"{\"question\": \"Ship release 7?\", \"options\": [\"Ship\", \"Wait\"], \"channels\": [\"email\"]}");
			mailTo(session.email());
		}

		Map<String, String> links = links(mailTo(session.email()));
		assertThat(links).containsOnlyKeys("Ship", "Wait");
		assertThat(api.get(links.get("Ship"), null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/runs/" + paused.runId(), session.accessToken()).json().get("status").asString())
			.as("opening the link decides nothing").isEqualTo("awaiting_approval");

		String token = links.get("Ship").substring(links.get("Ship").indexOf("token=") + "token=".length());
		Response answered = api.raw("POST", "/feedback/email", null, "application/x-www-form-urlencoded",
				"token=" + token);
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);

		JsonNode run = AskHumanIntegrationTests.awaitEnd(api, session, paused.runId());
		assertThat(run.get("stop_reason").asString()).isEqualTo("answered");
		JsonNode reply = api.get("/api/v1/messages/" + paused.replyId(), session.accessToken()).json();
		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).contains("Ship");
		JsonNode events = api.get("/api/v1/feedback/" + paused.request().get("id").asString() + "/events",
				session.accessToken()).json();
		assertThat(events.toString()).contains("email");
		assertThat(api.raw("POST", "/feedback/email", null, "application/x-www-form-urlencoded", "token=" + token)
			.status()).as("a link is used once").isEqualTo(409);
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

	private static Map<String, String> links(MimeMessage message) throws Exception {
		Map<String, String> links = new LinkedHashMap<>();
		Matcher matcher = LINK.matcher(text(message));
		while (matcher.find()) {
			links.put(matcher.group(1), matcher.group(2));
		}
		return links;
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = text(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
