package dev.parley.catalog.newsletter;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The double opt-in over HTTP, with a real SMTP server (GreenMail) receiving the mails. */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + NewsletterIntegrationTests.ADMIN_EMAIL,
		"parley.catalog.newsletter.lists=news,offers", "parley.catalog.newsletter.throttle.per-address=1000",
		"parley.catalog.newsletter.public-url=https://parley.example.com/" })
class NewsletterIntegrationTests {

	static final String ADMIN_EMAIL = "newsletter-admin@example.com";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	ApiClient api;

	String admin;

	@BeforeEach
	void adminExists() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN_EMAIL, "password", ApiClient.Session.PASSWORD));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN_EMAIL, "password", ApiClient.Session.PASSWORD));
		admin = session.json().get("access_token").asString();
	}

	@Test
	void confirmsOnlyWhenThePagesFormIsPosted() throws Exception {
		String email = fresh();
		Response accepted = subscribe(email, List.of("news", "offers"), "v3");
		assertThat(accepted.status()).isEqualTo(202);

		MimeMessage message = mailTo(email);
		assertThat(message.getSubject()).contains("confirm");
		String confirmLink = link(GreenMailUtil.getBody(message), "/newsletter/confirm");
		assertThat(confirmLink).startsWith("https://parley.example.com/newsletter/confirm?token=");
		String token = tokenOf(confirmLink);

		Response page = api.get("/newsletter/confirm?token=" + enc(token), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<form method=\"post\" action=\"/newsletter/confirm\"", "value=\"" + token + "\"");
		api.get("/newsletter/confirm?token=" + enc(token), null);
		assertThat(subject(email).get("status").asString()).isEqualTo("pending");

		Response confirmed = form("/newsletter/confirm", "token=" + enc(token), "Mozilla/5.0 (test)");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.body()).contains("confirmed");
		JsonNode subject = subject(email);
		assertThat(subject.get("status").asString()).isEqualTo("confirmed");
		JsonNode consents = subject.get("consents");
		assertThat(consents.findValuesAsString("action")).containsExactly("subscribe_requested", "confirmed");
		JsonNode confirmation = consents.get(1);
		assertThat(confirmation.get("consent_text_version").asString()).isEqualTo("v3");
		assertThat(confirmation.get("lists").get(0).asString()).isEqualTo("news");
		assertThat(confirmation.get("lists").get(1).asString()).isEqualTo("offers");
		assertThat(confirmation.get("client_address").asString()).isNotBlank();
		assertThat(confirmation.get("user_agent").asString()).isEqualTo("Mozilla/5.0 (test)");
		assertThat(confirmation.get("occurred_at").asString()).isNotBlank();

		Response again = form("/newsletter/confirm", "token=" + enc(token), "Mozilla/5.0 (test)");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("invalid, expired or already used");
	}

	@Test
	void mailsCarryOneClickUnsubscribeThatAcceptsPost() throws Exception {
		String email = fresh();
		subscribe(email, null, "v1");
		MimeMessage message = mailTo(email);
		assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String header = message.getHeader("List-Unsubscribe")[0];
		assertThat(header).startsWith("<https://parley.example.com/newsletter/unsubscribe?token=").endsWith(">");
		String url = header.substring(1, header.length() - 1);
		String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
		confirm(message);

		Response scanned = api.get(path, null);
		assertThat(scanned.status()).isEqualTo(200);
		assertThat(subject(email).get("status").asString()).isEqualTo("confirmed");

		Response oneClick = form(path, "List-Unsubscribe=One-Click", "mail-client");
		assertThat(oneClick.status()).isEqualTo(200);
		assertThat(subject(email).get("status").asString()).isEqualTo("unsubscribed");
		assertThat(subject(email).get("consents").findValuesAsString("action")).containsExactly("subscribe_requested",
				"confirmed", "unsubscribed");
		assertThat(form(path, "List-Unsubscribe=One-Click", "mail-client").status()).isEqualTo(400);
	}

	@Test
	void theAnswerDoesNotTellWhetherAnAddressIsSubscribed() throws Exception {
		String subscribed = fresh();
		subscribe(subscribed, null, "v1");
		confirm(mailTo(subscribed));
		Response known = subscribe(subscribed, null, "v1");
		Response unknown = subscribe(fresh(), null, "v1");
		assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		assertThat(subject(subscribed).get("status").asString()).isEqualTo("confirmed");
	}

	@Test
	void throttlesRequestsPerEmail() {
		String email = fresh();
		for (int i = 0; i < 3; i++) {
			assertThat(subscribe(email, null, "v1").status()).isEqualTo(202);
		}
		Response refused = subscribe(email.toUpperCase(), null, "v1");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(subscribe(fresh(), null, "v1").status()).isEqualTo(202);
	}

	@Test
	void refusesBadRequestsNamingEveryField() {
		Response refused = api.post("/api/v1/newsletter/subscribe", null,
				map("email", "not an address", "lists", List.of("news", "spam")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
				"lists[1]", "consent_text_version");
		Response header = api.post("/api/v1/newsletter/subscribe", null,
				map("email", "a@example.com\r\nBcc: b@example.com", "consent_text_version", "v1"));
		assertThat(header.status()).isEqualTo(400);
	}

	@Test
	void refusesForgedTokens() throws Exception {
		String email = fresh();
		subscribe(email, null, "v1");
		String token = tokenOf(link(GreenMailUtil.getBody(mailTo(email)), "/newsletter/confirm"));
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		assertThat(form("/newsletter/confirm", "token=" + enc(forged), "x").status()).isEqualTo(400);
		Response api = this.api.post("/api/v1/newsletter/unsubscribe", null, map("token", token));
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.json().get("errors").findValuesAsString("field")).containsExactly("token");
		assertThat(subject(email).get("status").asString()).isEqualTo("pending");
	}

	@Test
	void adminsExportAndEraseTheLedgerAndSubjectsEraseThemselves() throws Exception {
		String user = api.register().accessToken();
		assertThat(api.get("/api/v1/admin/newsletter/consents?email=a@example.com", user).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/newsletter/consents?email=a@example.com", user).status()).isEqualTo(403);

		String erasedByAdmin = fresh();
		subscribe(erasedByAdmin, null, "v1");
		mailTo(erasedByAdmin);
		assertThat(api.delete("/api/v1/admin/newsletter/consents?email=" + enc(erasedByAdmin), admin).status())
			.isEqualTo(204);
		JsonNode gone = subject(erasedByAdmin);
		assertThat(gone.get("status").isNull()).isTrue();
		assertThat(gone.get("consents").isEmpty()).isTrue();

		String erasesItself = fresh();
		subscribe(erasesItself, null, "v1");
		MimeMessage message = mailTo(erasesItself);
		String unsubscribe = message.getHeader("List-Unsubscribe")[0];
		String token = tokenOf(unsubscribe.substring(1, unsubscribe.length() - 1));
		assertThat(api.post("/api/v1/newsletter/erase", null, map("token", token)).status()).isEqualTo(204);
		assertThat(subject(erasesItself).get("consents").isEmpty()).isTrue();
		assertThat(api.post("/api/v1/newsletter/erase", null, map("token", token)).status()).isEqualTo(400);
	}

	@Test
	void unsubscribesThroughTheApiWithTheMatchingEmailOnly() throws Exception {
		String email = fresh();
		subscribe(email, null, "v1");
		MimeMessage message = mailTo(email);
		String header = message.getHeader("List-Unsubscribe")[0];
		String token = tokenOf(header.substring(1, header.length() - 1));
		assertThat(api.post("/api/v1/newsletter/unsubscribe", null, map("token", token, "email", fresh())).status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/newsletter/unsubscribe", null, map("token", token, "email", email)).status())
			.isEqualTo(204);
		assertThat(subject(email).get("status").asString()).isEqualTo("unsubscribed");
	}

	private void confirm(MimeMessage message) throws Exception {
		String token = tokenOf(link(GreenMailUtil.getBody(message), "/newsletter/confirm"));
		assertThat(form("/newsletter/confirm", "token=" + enc(token), "browser").status()).isEqualTo(200);
	}

	private Response subscribe(String email, List<String> lists, String version) {
		return lists == null
				? api.post("/api/v1/newsletter/subscribe", null, map("email", email, "consent_text_version", version))
				: api.post("/api/v1/newsletter/subscribe", null,
						map("email", email, "lists", lists, "consent_text_version", version));
	}

	private JsonNode subject(String email) {
		Response export = api.get("/api/v1/admin/newsletter/consents?email=" + enc(email), admin);
		assertThat(export.status()).isEqualTo(200);
		return export.json();
	}

	private Response form(String path, String body, String userAgent) {
		return api.send(api.request(path, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static MimeMessage mailTo(String email) throws Exception {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages()).filter(message -> {
				try {
					return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
						.anyMatch(address -> address.toString().equalsIgnoreCase(email));
				}
				catch (Exception ex) {
					return false;
				}
			}).toList();
			if (!matching.isEmpty()) {
				return matching.getLast();
			}
			mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail reached " + email);
	}

	private static String link(String body, String path) {
		String flat = body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile("https://parley\\.example\\.com" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_.-]+")
			.matcher(flat);
		assertThat(matcher.find()).as("a link to %s in %s", path, body).isTrue();
		return matcher.group();
	}

	private static String tokenOf(String url) {
		return URLDecoder.decode(url.substring(url.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String fresh() {
		return "reader-" + UUID.randomUUID() + "@example.com";
	}
}
