package dev.parley.realtime.websocket;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two Parley nodes sharing PostgreSQL and Redis (this test's server, node A, and a second one, node
 * B, started beside it): a chat's frames reach its sockets whichever node generates them, a client
 * resumes on the other node, and live sessions are counted and ended across nodes.
 */
@IntegrationTest
class TwoNodesIntegrationTests {

	static ConfigurableApplicationContext nodeB;

	static int portB;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", TestRedis::url);
	}

	@BeforeAll
	static void startNodeB() {
		nodeB = new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--spring.profiles.active=test", "--spring.data.redis.url=" + TestRedis.url(),
				"--parley.realtime.node-id=node-b");
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@LocalServerPort
	int portA;

	@Autowired
	ApiClient api;

	ApiClient.Session user;

	String chatId;

	@BeforeEach
	void startChat() {
		user = api.register();
		chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Two nodes")).json().get("id").asString();
	}

	@Test
	void aSocketOnNodeAGetsAReplyGeneratedThroughNodeB() {
		try (SocketClient onA = SocketClient.withToken(portA, user.accessToken());
				SocketClient onB = SocketClient.withToken(portB, user.accessToken())) {
			onA.send(map("type", "subscribe", "chat_id", chatId));
			assertThat(onA.next().get("type").asString()).isEqualTo("session.started");

			onB.send(map("type", "chat.send", "chat_id", chatId, "content", "from node B"));
			List<JsonNode> sent = onB.until(frame -> frame.get("type").asString().equals("done"));
			List<JsonNode> received = onA.until(frame -> frame.get("type").asString().equals("done"));

			assertThat(received).extracting(JsonNode::toString)
				.containsExactlyElementsOf(sent.stream().map(JsonNode::toString).toList());
			assertThat(received.getFirst().get("type").asString()).isEqualTo("message.created");
			assertThat(received.getLast().get("message").get("content").asString()).contains("from node B");
		}
	}

	@Test
	void aClientThatLeftNodeAMidReplyResumesOnNodeBWithExactlyWhatItMissed() {
		List<JsonNode> before;
		String replyId;
		try (SocketClient onA = SocketClient.withToken(portA, user.accessToken())) {
			onA.send(map("type", "chat.send", "chat_id", chatId, "content", ChatResumeIntegrationTests.LONG_MESSAGE));
			onA.next("message.created");
			replyId = onA.next("message.created").get("message_id").asString();
			before = onA.until(frame -> frame.path("seq").asLong() == 5);
		}

		try (SocketClient onB = SocketClient.withToken(portB, user.accessToken())) {
			onB.send(map("type", "subscribe", "chat_id", chatId, "after", map("message_id", replyId, "seq", 5)));
			JsonNode ack = onB.next();
			assertThat(ack.get("recovered").asBoolean()).isTrue();
			List<JsonNode> after = onB.until(frame -> frame.get("type").asString().equals("done"));

			ChatResumeIntegrationTests.assertContiguous(before, after, replyId);
		}
	}

	@Test
	void liveSessionsAreCountedAndEndedAcrossNodes() {
		try (SocketClient a1 = opened(portA); SocketClient a2 = opened(portA); SocketClient b1 = opened(portB);
				SocketClient b2 = SocketClient.withToken(portB, user.accessToken())) {
			assertThat(b2.next().get("problem").get("status").asInt()).isEqualTo(429);
			assertThat(b2.closed()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4429);

			JsonNode sessions = api.get("/api/v1/sessions", user.accessToken()).json().get("items");
			assertThat(sessions).hasSize(3);
			JsonNode onB = null;
			for (JsonNode session : sessions) {
				if (session.get("node").asString().equals("node-b")) {
					onB = session;
				}
			}
			assertThat(onB).isNotNull();

			// Ended through node A, closed on node B.
			assertThat(api.delete("/api/v1/sessions/" + onB.get("id").asString(), user.accessToken()).status())
				.isEqualTo(204);
			assertThat(b1.closed()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4000);
		}
	}

	private SocketClient opened(int port) {
		SocketClient socket = SocketClient.withToken(port, user.accessToken());
		socket.send(map("type", "ping"));
		assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		return socket;
	}
}
