package dev.parley.realtime.websocket;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.parley.realtime.UserNotifications;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Live sessions: the limit per user, the list, ending one, notifications and clients that fall behind. */
@IntegrationTest
class LiveSessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	ApiClient.Session user;

	@BeforeEach
	void register() {
		user = api.register();
	}

	@Test
	void aFourthSessionIsRefusedWith429AndCloseCode4429() {
		try (SocketClient one = opened(); SocketClient two = opened(); SocketClient three = opened();
				SocketClient four = SocketClient.withToken(port, user.accessToken())) {
			JsonNode refusal = four.next();
			assertThat(refusal.get("type").asString()).isEqualTo("error");
			assertThat(refusal.get("problem").get("status").asInt()).isEqualTo(429);
			assertThat(four.closed()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4429);

			JsonNode sessions = api.get("/api/v1/sessions", user.accessToken()).json().get("items");
			assertThat(sessions).hasSize(3);
			assertThat(sessions.get(0).get("authenticated_with").asString()).isEqualTo("access_token");
			assertThat(sessions.get(0).get("node").asString()).isNotBlank();
		}
	}

	@Test
	void aLiveSessionSendsAtMostTenMessagesAMinuteAndAnotherOfTheUserSendsOn() {
		String chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Chatty")).json().get("id").asString();
		try (SocketClient busy = opened(); SocketClient other = opened()) {
			for (int i = 0; i < 10; i++) {
				busy.send(map("type", "chat.send", "chat_id", chatId, "content", "hi " + i));
				busy.next("done");
			}
			busy.send(map("type", "chat.send", "chat_id", chatId, "content", "one too many", "id", "m11"));
			JsonNode refused = busy.next("error");
			assertThat(refused.get("reply_to").asString()).isEqualTo("m11");
			assertThat(refused.get("problem").get("status").asInt()).isEqualTo(429);
			assertThat(refused.get("problem").get("detail").asString()).contains("session");
			assertThat(refused.get("problem").get("retry_after").asLong()).isPositive();
			assertThat(refused.get("problem").get("rate_limit_policy").asString()).contains("session-messages");

			other.send(map("type", "chat.send", "chat_id", chatId, "content", "from the other tab"));
			assertThat(other.next("message.created").get("message").get("content").asString())
				.isEqualTo("from the other tab");
		}
	}

	@Test
	void endingASessionClosesItsSocket() {
		try (SocketClient socket = opened()) {
			JsonNode sessions = api.get("/api/v1/sessions", user.accessToken()).json().get("items");
			assertThat(sessions).hasSize(1);
			String id = sessions.get(0).get("id").asString();

			ApiClient.Session stranger = api.register();
			assertThat(api.delete("/api/v1/sessions/" + id, stranger.accessToken()).status()).isEqualTo(404);
			assertThat(api.delete("/api/v1/sessions/" + id, user.accessToken()).status()).isEqualTo(204);

			assertThat(socket.closed()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4000);
			assertThat(api.get("/api/v1/sessions", user.accessToken()).json().get("items")).isEmpty();
			assertThat(api.delete("/api/v1/sessions/" + id, user.accessToken()).status()).isEqualTo(404);
		}
	}

	@Test
	void aNotificationReachesEverySocketOfTheUserAndNoOneElse(@Autowired UserNotifications notifications) {
		ApiClient.Session other = api.register();
		try (SocketClient phone = opened(); SocketClient laptop = opened();
				SocketClient stranger = opened(other)) {
			notifications.notify(UUID.fromString(user.userId()), "feedback.request",
					Map.of("request_id", "r1", "question", "Ship it?"));

			for (SocketClient socket : new SocketClient[] { phone, laptop }) {
				JsonNode frame = socket.next();
				assertThat(frame.get("type").asString()).isEqualTo("feedback.request");
				assertThat(frame.get("question").asString()).isEqualTo("Ship it?");
			}
			stranger.send(map("type", "ping"));
			assertThat(stranger.next().get("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void aClientThatFallsBehindIsClosedWith1013(@Autowired UserNotifications notifications) {
		try (SocketClient slow = opened()) {
			slow.pause();
			String blob = "x".repeat(64 * 1024);
			UUID userId = UUID.fromString(user.userId());
			// Far more than the send buffer (1 MB) and the connection's own buffers hold.
			for (int i = 0; i < 600
					&& !api.get("/api/v1/sessions", user.accessToken()).json().get("items").isEmpty(); i++) {
				for (int j = 0; j < 10; j++) {
					notifications.notify(userId, "test.flood", Map.of("blob", blob));
				}
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/api/v1/sessions", user.accessToken()).json().get("items").isEmpty());

			slow.resume();
			assertThat(slow.closed()).succeedsWithin(30, TimeUnit.SECONDS).isEqualTo(1013);
		}
	}

	private SocketClient opened() {
		return opened(user);
	}

	/** A socket whose session is recorded (its first answer comes after that). */
	private SocketClient opened(ApiClient.Session owner) {
		SocketClient socket = SocketClient.withToken(port, owner.accessToken());
		socket.send(map("type", "ping"));
		assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		return socket;
	}
}
