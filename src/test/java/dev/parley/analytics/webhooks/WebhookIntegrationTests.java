package dev.parley.analytics.webhooks;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks over real HTTP: a local receiver verifies each delivery's signature with the Standard
 * Webhooks algorithm. The receiver is on loopback, so these tests allow private addresses; the
 * refusal of them is tested with the default guard below.
 */
class WebhookIntegrationTests {

	@Nested
	@IntegrationTest
	@TestPropertySource(properties = { "parley.platform.outbound.allow-private-addresses=true",
			"parley.analytics.webhooks.poll-interval=100ms", "parley.analytics.webhooks.retry-schedule=200ms,200ms,200ms",
			"parley.analytics.webhooks.jitter=0", "parley.identity.admin-email=" + Delivering.ADMIN })
	class Delivering {

		static final String ADMIN = "webhook-admin@example.com";

		@Autowired
		ApiClient api;

		@Autowired
		JsonMapper json;

		WebhookReceiver receiver;

		@BeforeEach
		void startReceiver() throws IOException {
			receiver = new WebhookReceiver();
		}

		@AfterEach
		void stopReceiver() {
			receiver.close();
		}

		@Test
		void deliversASignedEventForWhatHappened() {
			ApiClient.Session session = api.register();
			JsonNode endpoint = register(session.accessToken(), List.of("chat.created"));
			String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Hooked")).json().get("id")
				.asString();

			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
			WebhookReceiver.Received delivery = receiver.received().getFirst();
			assertThat(delivery.signatureValid()).isTrue();
			assertThat(delivery.id()).startsWith("msg_");
			assertThat(Math.abs(delivery.timestamp() - Instant.now().getEpochSecond())).isLessThan(30);
			JsonNode body = json.readTree(delivery.body());
			assertThat(body.get("type").asString()).isEqualTo("chat.created");
			assertThat(body.get("data").get("chat_id").asString()).isEqualTo(chatId);
			assertThat(body.get("data").get("user_id").asString()).isEqualTo(session.userId());

			JsonNode deliveries = await().atMost(Duration.ofSeconds(5))
				.until(() -> deliveries(session, endpoint), page -> page.get("items").get(0).get("status").asString()
					.equals("succeeded"));
			JsonNode first = deliveries.get("items").get(0);
			assertThat(first.get("attempts").asInt()).isEqualTo(1);
			assertThat(first.get("response_status_code").asInt()).isEqualTo(200);
			assertThat(first.get("event_type").asString()).isEqualTo("chat.created");
			JsonNode listed = api.get("/api/v1/webhooks", session.accessToken()).json().get("items").get(0);
			assertThat(listed.has("secret")).isFalse();
			assertThat(listed.toString()).doesNotContain("whsec_");
		}

		@Test
		void retriesOnTheScheduleAndSucceedsOnlyOn2xx() {
			ApiClient.Session session = api.register();
			JsonNode endpoint = register(session.accessToken(), List.of("chat.created"));
			receiver.answer(200, 500, 302);
			api.post("/api/v1/chats", session.accessToken(), map("title", "Flaky"));

			JsonNode delivery = await().atMost(Duration.ofSeconds(10))
				.until(() -> deliveries(session, endpoint).get("items").get(0),
						item -> item.get("status").asString().equals("succeeded"));
			assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
			assertThat(receiver.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
			assertThat(receiver.received().stream().map(WebhookReceiver.Received::id).distinct()).hasSize(1);
		}

		@Test
		void failsAfterTheLastRetryAndCanBeSentAgainByHand() {
			ApiClient.Session session = api.register();
			JsonNode endpoint = register(session.accessToken(), List.of("chat.created"));
			receiver.answer(503);
			api.post("/api/v1/chats", session.accessToken(), map("title", "Down"));

			JsonNode failed = await().atMost(Duration.ofSeconds(10))
				.until(() -> deliveries(session, endpoint).get("items").get(0),
						item -> item.get("status").asString().equals("failed"));
			assertThat(failed.get("attempts").asInt()).isEqualTo(4);
			assertThat(failed.get("response_status_code").asInt()).isEqualTo(503);
			assertThat(failed.get("last_error").asString()).contains("503");
			assertThat(receiver.received()).hasSize(4);

			receiver.answer(204);
			String path = "/api/v1/webhooks/" + endpoint.get("id").asString() + "/deliveries/"
					+ failed.get("id").asString() + "/retry";
			assertThat(api.post(path, session.accessToken(), map()).status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> deliveries(session, endpoint).get("items").get(0).get("status").asString()
					.equals("succeeded"));
			assertThat(receiver.received()).hasSize(5);
			assertThat(api.post(path, api.register().accessToken(), map()).status()).isEqualTo(404);
		}

		@Test
		void disablesAnEndpointThatAnswers410() {
			ApiClient.Session session = api.register();
			JsonNode endpoint = register(session.accessToken(), List.of("chat.created"));
			receiver.answer(410);
			api.post("/api/v1/chats", session.accessToken(), map("title", "Gone"));
			JsonNode disabled = await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/api/v1/webhooks/" + endpoint.get("id").asString(), session.accessToken()).json(),
						view -> view.get("status").asString().equals("disabled"));
			assertThat(disabled.get("disabled_reason").asString()).contains("410");
			api.post("/api/v1/chats", session.accessToken(), map("title", "Not sent"));
			await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
				.until(() -> receiver.received().size() == 1);
		}

		@Test
		void deliversInOrderPerEndpointEvenWhenTheFirstNeedsRetries() {
			ApiClient.Session session = api.register();
			register(session.accessToken(), List.of("chat.created"));
			receiver.answer(200, 500, 500);
			List<String> chats = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				chats.add(api.post("/api/v1/chats", session.accessToken(), map("title", "Chat " + i)).json().get("id")
					.asString());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 5);
			List<String> order = receiver.received().stream()
				.map(received -> json.readTree(received.body()).get("data").get("chat_id").asString())
				.toList();
			assertThat(order).containsExactly(chats.get(0), chats.get(0), chats.get(0), chats.get(1), chats.get(2));
		}

		@Test
		void keepsEndpointsAndEventsToTheirOwner() {
			ApiClient.Session owner = api.register();
			JsonNode endpoint = register(owner.accessToken(), List.of("chat.created"));
			ApiClient.Session other = api.register();
			api.post("/api/v1/chats", other.accessToken(), map("title", "Not the owner's"));
			String id = endpoint.get("id").asString();
			assertThat(api.get("/api/v1/webhooks/" + id, other.accessToken()).status()).isEqualTo(404);
			assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", other.accessToken()).status()).isEqualTo(404);
			assertThat(api.delete("/api/v1/webhooks/" + id, other.accessToken()).status()).isEqualTo(404);
			await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
				.until(() -> receiver.received().isEmpty());
			assertThat(api.delete("/api/v1/webhooks/" + id, owner.accessToken()).status()).isEqualTo(204);
			assertThat(api.get("/api/v1/webhooks/" + id, owner.accessToken()).status()).isEqualTo(404);
		}

		@Test
		void refusesInvalidEndpointsNamingEveryField() {
			ApiClient.Session session = api.register();
			Response refused = api.post("/api/v1/webhooks", session.accessToken(),
					map("url", "ftp://example.com/x", "events", List.of("chat.created", "chat.exploded"), "scope", "all"));
			assertThat(refused.status()).isEqualTo(400);
			List<String> fields = new ArrayList<>();
			refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
			assertThat(fields).containsExactlyInAnyOrder("url", "events", "scope");
		}

		@Test
		void givesAnAdminsEndpointForEveryoneEveryonesEvents() {
			Response registered = api.post("/api/v1/auth/register", null,
					map("email", ADMIN, "password", "a long enough passphrase"));
			String admin = (registered.status() == 201 ? registered
					: api.post("/api/v1/auth/login", null, map("email", ADMIN, "password", "a long enough passphrase")))
				.json().get("access_token").asString();
			Response created = api.post("/api/v1/webhooks", admin,
					map("url", receiver.url(), "events", List.of("chat.deleted"), "scope", "all"));
			assertThat(created.status()).isEqualTo(201);
			receiver.secret(created.json().get("secret").asString());
			ApiClient.Session user = api.register();
			String chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Seen by admin")).json().get("id")
				.asString();
			api.delete("/api/v1/chats/" + chatId, user.accessToken());
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
				.anyMatch(received -> received.body().contains(chatId) && received.signatureValid()));
		}

		private JsonNode register(String token, List<String> events) {
			Response created = api.post("/api/v1/webhooks", token, map("url", receiver.url(), "events", events));
			assertThat(created.status()).isEqualTo(201);
			String secret = created.json().get("secret").asString();
			assertThat(secret).startsWith("whsec_");
			receiver.secret(secret);
			return created.json().get("endpoint");
		}

		private JsonNode deliveries(ApiClient.Session session, JsonNode endpoint) {
			return api.get("/api/v1/webhooks/" + endpoint.get("id").asString() + "/deliveries", session.accessToken())
				.json();
		}
	}

	@Nested
	@IntegrationTest
	class WithTheDefaultGuard {

		@Autowired
		ApiClient api;

		@Test
		void refusesPrivateAndLocalAddresses() {
			String token = api.register().accessToken();
			for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "https://10.0.0.8/x",
					"http://169.254.169.254/latest/meta-data", "http://[::1]/x")) {
				Response refused = api.post("/api/v1/webhooks", token, map("url", url, "events", List.of("chat.created")));
				assertThat(refused.status()).as(url).isEqualTo(400);
				assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
			}
		}
	}
}
