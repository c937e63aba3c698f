package dev.parley.feedback.slack;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.parley.feedback.FeedbackChannel;
import dev.parley.feedback.FeedbackDelivery;
import dev.parley.feedback.FeedbackDeliveryFailed;
import dev.parley.feedback.FeedbackInbox.AnswerOutcome;
import dev.parley.feedback.RecordingFeedbackInbox;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Slack channel against a fake Slack API, and Slack's signed callbacks over real HTTP. */
@IntegrationTest
@Import(RecordingFeedbackInbox.Configuration.class)
@TestPropertySource(properties = { "parley.feedback.slack.bot-token=xoxb-test-token",
		"parley.feedback.slack.signing-secret=" + SlackFeedbackIntegrationTests.SIGNING_SECRET,
		"parley.feedback.slack.longest-retry-after=2s" })
class SlackFeedbackIntegrationTests {

	static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final FakeSlackApi slack = new FakeSlackApi();

	@DynamicPropertySource
	static void slackApi(DynamicPropertyRegistry registry) {
		registry.add("parley.feedback.slack.api-url", slack::url);
	}

	@AfterAll
	static void stop() {
		slack.close();
	}

	@Autowired
	ApiClient api;

	@Autowired
	List<FeedbackChannel> channels;

	@Autowired
	RecordingFeedbackInbox inbox;

	@BeforeEach
	void freshSlack() {
		slack.reset();
	}

	@Test
	void postsOneButtonPerOptionToTheRecipientsSlackUser() {
		ApiClient.Session recipient = onSlack("U0ADA");
		UUID request = deliver(recipient, List.of("Approve", "Deny"));

		FakeSlackApi.Call call = slack.calls("chat.postMessage").getFirst();
		assertThat(call.authorization()).isEqualTo("Bearer xoxb-test-token");
		JsonNode message = JSON.readTree(call.body());
		assertThat(message.get("channel").asString()).isEqualTo("U0ADA");
		assertThat(message.get("text").asString()).isEqualTo("Run deploy.sh <prod>?");
		assertThat(message.get("blocks").get(0).get("text").get("text").asString()).isEqualTo("*Run deploy.sh &lt;prod&gt;?*");
		List<JsonNode> buttons = buttons(message);
		assertThat(buttons).extracting(button -> button.get("text").get("text").asString()).containsExactly("Approve", "Deny");
		JsonNode value = JSON.readTree(buttons.get(1).get("value").asString());
		assertThat(value.get("r").asString()).isEqualTo(request.toString());
		assertThat(value.get("o").asString()).isEqualTo("Deny");
	}

	@Test
	void aSignedCallbackAnswersOnceAndADuplicateAppliesOnce() {
		ApiClient.Session recipient = onSlack("U0GRACE");
		UUID request = deliver(recipient, List.of("Approve", "Deny"));
		String callback = press(0, "U0GRACE");

		Response first = callback(callback, Instant.now(), SIGNING_SECRET);
		assertThat(first.status()).isEqualTo(200);
		assertThat(inbox.answers(request)).containsExactly(new RecordingFeedbackInbox.Answer(
				UUID.fromString(recipient.userId()), "slack", "Approve", AnswerOutcome.ACCEPTED));

		Response duplicate = callback(callback, Instant.now(), SIGNING_SECRET);
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(inbox.answers(request)).extracting(RecordingFeedbackInbox.Answer::outcome)
			.containsExactly(AnswerOutcome.ACCEPTED, AnswerOutcome.ALREADY_DECIDED);

		await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("chat.update").isEmpty());
		JsonNode update = JSON.readTree(slack.calls("chat.update").getFirst().body());
		assertThat(update.get("channel").asString()).isEqualTo("D0DM");
		assertThat(update.get("ts").asString()).isEqualTo("1700000000.000100");
		assertThat(update.toString()).contains("<@U0GRACE> answered *Approve*").doesNotContain("\"button\"");
		assertThat(slack.calls("chat.update")).hasSize(1);
	}

	@Test
	void refusesAForgedSignatureAndAStaleTimestamp() {
		ApiClient.Session recipient = onSlack("U0LIN");
		UUID request = deliver(recipient, List.of("Approve"));
		String callback = press(0, "U0LIN");

		Response forged = callback(callback, Instant.now(), "not-the-signing-secret-at-all-000");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.contentType()).startsWith("application/problem+json");
		assertThat(callback(callback, Instant.now().minus(Duration.ofMinutes(6)), SIGNING_SECRET).status())
			.isEqualTo(401);
		Response unsigned = api.send(api.request(SlackInteractionsController.PATH, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(callback)));
		assertThat(unsigned.status()).isEqualTo(401);
		String altered = callback.replace("Approve", "Deny!!!");
		assertThat(callback(altered, Instant.now(), SIGNING_SECRET, callback).status()).isEqualTo(401);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void refusesAPressByAnotherSlackUser() {
		ApiClient.Session recipient = onSlack("U0OWNER");
		onSlack("U0OTHER");
		UUID request = deliver(recipient, List.of("Approve"));

		Response response = callback(press(0, "U0OTHER"), Instant.now(), SIGNING_SECRET);
		assertThat(response.status()).isEqualTo(403);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void refusesAPressOnceTheRecipientMovedToAnotherSlackUser() {
		ApiClient.Session recipient = onSlack("U0BEFORE");
		UUID request = deliver(recipient, List.of("Approve"));
		String callback = press(0, "U0BEFORE");
		setSlack(recipient, "U0AFTER");

		assertThat(callback(callback, Instant.now(), SIGNING_SECRET).status()).isEqualTo(403);
		assertThat(inbox.answers(request)).isEmpty();
	}

	@Test
	void slacksRefusalIsADeliveryFailureNamingItsErrorCode() {
		ApiClient.Session recipient = onSlack("U0GONE");
		slack.answerNext(200, null, "{\"ok\":false,\"error\":\"channel_not_found\"}");
		assertThatThrownBy(() -> deliver(recipient, List.of("Approve"))).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageContaining("channel_not_found");
	}

	@Test
	void waitsOutOneRateLimitAndFailsOnTheSecond() {
		ApiClient.Session recipient = onSlack("U0BUSY");
		slack.answerNext(429, "1", "{\"ok\":false,\"error\":\"ratelimited\"}");
		deliver(recipient, List.of("Approve"));
		assertThat(slack.calls("chat.postMessage")).hasSize(2);

		slack.reset();
		slack.answerNext(429, "1", "{\"ok\":false,\"error\":\"ratelimited\"}");
		slack.answerNext(429, "1", "{\"ok\":false,\"error\":\"ratelimited\"}");
		assertThatThrownBy(() -> deliver(recipient, List.of("Approve"))).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageContaining("rate-limited");

		slack.reset();
		slack.answerNext(429, "60", "{\"ok\":false,\"error\":\"ratelimited\"}");
		assertThatThrownBy(() -> deliver(recipient, List.of("Approve"))).isInstanceOf(FeedbackDeliveryFailed.class);
		assertThat(slack.calls("chat.postMessage")).as("a long Retry-After is not waited for").hasSize(1);
	}

	@Test
	void refusesRecipientsWithoutASlackIdAndFreeTextRequests() {
		ApiClient.Session offSlack = api.register();
		assertThatThrownBy(() -> deliver(offSlack, List.of("Approve"))).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageContaining("Slack member id");
		ApiClient.Session recipient = onSlack("U0TEXT");
		assertThatThrownBy(() -> deliver(recipient, List.of())).isInstanceOf(FeedbackDeliveryFailed.class)
			.hasMessageContaining("free-text");
		assertThat(slack.calls("chat.postMessage")).isEmpty();
	}

	private ApiClient.Session onSlack(String slackUserId) {
		ApiClient.Session session = api.register();
		setSlack(session, slackUserId);
		return session;
	}

	private void setSlack(ApiClient.Session session, String slackUserId) {
		Response response = api.raw("PUT", "/api/v1/users/me/channels", session.accessToken(), "application/json",
				JSON.writeValueAsString(map("slack_user_id", slackUserId)));
		assertThat(response.status()).isEqualTo(200);
	}

	private UUID deliver(ApiClient.Session recipient, List<String> options) {
		UUID request = UUID.randomUUID();
		UUID recipientId = UUID.fromString(recipient.userId());
		inbox.expect(request, recipientId, options);
		channels.stream().filter(channel -> channel.name().equals("slack")).findFirst().orElseThrow()
			.deliver(new FeedbackDelivery(request, recipientId, "Run deploy.sh <prod>?", options, "The agent asks.",
					Instant.now().plus(Duration.ofHours(1))));
		return request;
	}

	/** The form Slack posts when {@code slackUserId} presses button {@code index} of the last message posted. */
	private String press(int index, String slackUserId) {
		JsonNode message = JSON.readTree(slack.calls("chat.postMessage").getLast().body());
		JsonNode button = buttons(message).get(index);
		ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
		payload.putObject("user").put("id", slackUserId).put("team_id", "T0TEAM");
		payload.putObject("container").put("type", "message").put("channel_id", "D0DM")
			.put("message_ts", "1700000000.000100");
		payload.putObject("message").put("text", message.get("text").asString());
		payload.putArray("actions").addObject().put("type", "button")
			.put("action_id", button.get("action_id").asString())
			.put("value", button.get("value").asString());
		payload.put("response_url", "https://hooks.slack.com/actions/T0TEAM/1/abc");
		return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
	}

	private Response callback(String body, Instant at, String secret) {
		return callback(body, at, secret, body);
	}

	/** Posts {@code body} with the signature Slack would compute over {@code signedBody}. */
	private Response callback(String body, Instant at, String secret, String signedBody) {
		String timestamp = Long.toString(at.getEpochSecond());
		String signature = "v0=" + HexFormat.of().formatHex(SlackSignature.hmac(secret.getBytes(StandardCharsets.UTF_8),
				timestamp, signedBody.getBytes(StandardCharsets.UTF_8)));
		return api.send(api.request(SlackInteractionsController.PATH, null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
	}

	private static List<JsonNode> buttons(JsonNode message) {
		List<JsonNode> buttons = new java.util.ArrayList<>();
		for (JsonNode block : message.get("blocks")) {
			if (block.get("type").asString().equals("actions")) {
				block.get("elements").forEach(buttons::add);
			}
		}
		return buttons;
	}
}
