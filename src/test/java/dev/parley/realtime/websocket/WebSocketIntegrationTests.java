package dev.parley.realtime.websocket;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /ws} over real sockets: who may open it, and the frames of a chat's turns. */
@IntegrationTest
class WebSocketIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	ApiClient.Session user;

	String chatId;

	@BeforeEach
	void startChat() {
		user = api.register();
		chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Live")).json().get("id").asString();
	}

	@Test
	void withoutAuthenticationTheUpgradeIsRefusedWith401() {
		assertThat(SocketClient.refusal(port, "", Map.of())).isEqualTo(401);
		assertThat(SocketClient.refusal(port, "?ticket=made-up", Map.of())).isEqualTo(401);
		assertThat(SocketClient.refusal(port, "", Map.of("Authorization", "Bearer not-a-token"))).isEqualTo(401);
	}

	@Test
	void anAccessTokenOrAnApiKeyOpensTheSocket() {
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "session.start", "id", "s1"));
			JsonNode started = socket.next();
			assertThat(started.get("type").asString()).isEqualTo("session.started");
			assertThat(started.get("user_id").asString()).isEqualTo(user.userId());
			assertThat(started.get("reply_to").asString()).isEqualTo("s1");
		}
		String apiKey = api.post("/api/v1/api-keys", user.accessToken(), map("name", "socket")).json().get("key").asString();
		try (SocketClient socket = SocketClient.withToken(port, apiKey)) {
			socket.send(map("type", "ping", "id", "p1"));
			JsonNode pong = socket.next();
			assertThat(pong.get("type").asString()).isEqualTo("pong");
			assertThat(pong.get("reply_to").asString()).isEqualTo("p1");
		}
	}

	@Test
	void aTicketOpensOneSocketOnce() {
		JsonNode ticket = api.post("/api/v1/realtime/tickets", user.accessToken(), null).json();
		assertThat(ticket.get("url").asString()).isEqualTo("/ws?ticket=" + ticket.get("ticket").asString());
		assertThat(ticket.get("expires_at").asString()).isNotBlank();

		try (SocketClient socket = SocketClient.open(port, "?ticket=" + ticket.get("ticket").asString(), Map.of())) {
			socket.send(map("type", "session.start"));
			assertThat(socket.next().get("user_id").asString()).isEqualTo(user.userId());
		}
		assertThat(SocketClient.refusal(port, "?ticket=" + ticket.get("ticket").asString(), Map.of())).isEqualTo(401);
	}

	@Test
	void anExpiredTicketIsRefused(@Autowired JdbcClient jdbc) {
		String ticket = api.post("/api/v1/realtime/tickets", user.accessToken(), null).json().get("ticket").asString();
		// Its 30 seconds have passed.
		jdbc.sql("update realtime_tickets set expires_at = now() - interval '1 second' where user_id = ?")
			.param(UUID.fromString(user.userId()))
			.update();

		assertThat(SocketClient.refusal(port, "?ticket=" + ticket, Map.of())).isEqualTo(401);
	}

	@Test
	void aForeignOriginIsRefusedWith403AndTheServersOwnIsNot() {
		String ticket = api.post("/api/v1/realtime/tickets", user.accessToken(), null).json().get("ticket").asString();
		assertThat(SocketClient.refusal(port, "?ticket=" + ticket, Map.of("Origin", "http://evil.example")))
			.isEqualTo(403);
		assertThat(SocketClient.refusal(port, "",
				Map.of("Origin", "http://evil.example", "Authorization", "Bearer " + user.accessToken()))).isEqualTo(403);

		// The refused page spent no ticket; the server's own pages may open the socket.
		try (SocketClient socket = SocketClient.open(port, "?ticket=" + ticket,
				Map.of("Origin", "http://localhost:" + port))) {
			socket.send(map("type", "ping"));
			assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void aSentMessageStreamsNumberedDeltasThenDone() {
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "chat.send", "chat_id", chatId, "content", "hello over the socket"));

			JsonNode userMessage = socket.next("message.created");
			assertThat(userMessage.get("message").get("role").asString()).isEqualTo("user");
			assertThat(userMessage.get("message").get("content").asString()).isEqualTo("hello over the socket");
			JsonNode draft = socket.next("message.created");
			assertThat(draft.get("message").get("role").asString()).isEqualTo("assistant");
			String replyId = draft.get("message_id").asString();

			List<JsonNode> reply = socket.until(frame -> frame.get("type").asString().equals("done"));
			JsonNode done = reply.getLast();
			List<JsonNode> deltas = reply.subList(0, reply.size() - 1);
			assertThat(deltas).isNotEmpty().allSatisfy(delta -> {
				assertThat(delta.get("type").asString()).isEqualTo("delta");
				assertThat(delta.get("message_id").asString()).isEqualTo(replyId);
				assertThat(delta.get("chat_id").asString()).isEqualTo(chatId);
			});
			for (int i = 0; i < deltas.size(); i++) {
				assertThat(deltas.get(i).get("seq").asLong()).isEqualTo(i + 1);
			}
			assertThat(done.get("seq").asLong()).isEqualTo(deltas.size() + 1);
			assertThat(done.get("message").get("status").asString()).isEqualTo("completed");
			assertThat(done.get("message").get("content").asString())
				.isEqualTo(String.join("", deltas.stream().map(delta -> delta.get("content").asString()).toList()))
				.contains("hello over the socket");
		}
	}

	@Test
	void everyTabOfTheUserSubscribedToTheChatGetsTheReply() {
		try (SocketClient sender = SocketClient.withToken(port, user.accessToken());
				SocketClient otherTab = SocketClient.withToken(port, user.accessToken())) {
			otherTab.send(map("type", "subscribe", "chat_id", chatId));
			assertThat(otherTab.next().get("type").asString()).isEqualTo("session.started");

			sender.send(map("type", "chat.send", "chat_id", chatId, "content", "for both tabs"));

			JsonNode sent = sender.next("done");
			JsonNode seen = otherTab.next("done");
			assertThat(seen.get("message_id").asString()).isEqualTo(sent.get("message_id").asString());
			assertThat(seen.get("seq").asLong()).isEqualTo(sent.get("seq").asLong());
			assertThat(seen.get("message").get("content").asString()).contains("for both tabs");
		}
	}

	@Test
	void aToolCallThatAsksIsApprovedOverTheSocketAndTheReplyGoesOnNumberedAfterIt() {
		String agent = api.post("/api/v1/agents", user.accessToken(), map("name", "Maths", "model", "local/echo",
				"instructions", "Be exact.", "tools", List.of("calculator"), "tool_policies", map("calculator", "ask")))
			.json().get("id").asString();
		String agentChat = api.post("/api/v1/chats", user.accessToken(), map("title", "Sums", "agent_id", agent))
			.json().get("id").asString();
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "chat.send", "chat_id", agentChat, "content", "/tool calculator {\"expression\": \"6*7\"}"));
			socket.next("message.created");
			String replyId = socket.next("message.created").get("message_id").asString();
			List<JsonNode> paused = socket.until(frame -> frame.get("type").asString().equals("done"))
				.stream()
				.filter(frame -> !frame.get("type").asString().equals("feedback.request"))
				.toList();
			assertThat(paused).extracting(frame -> frame.get("type").asString())
				.containsExactly("tool_call", "approval_required", "done");
			assertThat(paused).extracting(frame -> frame.get("seq").asLong()).containsExactly(1L, 2L, 3L);
			assertThat(paused.getLast().get("message").get("status").asString()).isEqualTo("awaiting_approval");
			JsonNode approval = paused.get(1);

			socket.send(map("type", "approval.answer", "run_id", approval.get("run_id").asString(), "step_id",
					approval.get("step_id").asString(), "decision", "approve"));

			// The approval is also asked on the user's feedback channels: a feedback.request may come between.
			List<JsonNode> resumed = socket.until(frame -> frame.get("type").asString().equals("done"))
				.stream()
				.filter(frame -> !frame.get("type").asString().equals("feedback.request"))
				.toList();
			assertThat(resumed).allSatisfy(frame -> assertThat(frame.get("message_id").asString()).isEqualTo(replyId));
			assertThat(resumed.getFirst().get("type").asString()).isEqualTo("tool_result");
			assertThat(resumed.getFirst().get("seq").asLong()).isEqualTo(3);
			assertThat(resumed).extracting(frame -> frame.get("seq").asLong())
				.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(3, resumed.size() + 2).boxed().toList());
			assertThat(resumed.getLast().get("message").get("status").asString()).isEqualTo("completed");
			assertThat(resumed.getLast().get("message").get("content").asString()).contains("42");

			socket.send(map("type", "approval.answer", "run_id", approval.get("run_id").asString(), "step_id",
					approval.get("step_id").asString(), "decision", "maybe"));
			assertThat(socket.next().get("problem").get("errors").findValuesAsString("field")).containsExactly("decision");
		}
	}

	@Test
	void aFeedbackRequestArrivesOnTheSocketAndIsAnsweredThroughIt() {
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "ping"));
			socket.next("pong");
			String requestId = api.post("/api/v1/feedback", user.accessToken(),
					map("question", "Ship it?", "options", List.of("yes", "no"))).json().get("id").asString();

			JsonNode asked = socket.next("feedback.request");
			assertThat(asked.get("request_id").asString()).isEqualTo(requestId);
			assertThat(asked.get("question").asString()).isEqualTo("Ship it?");

			socket.send(map("type", "feedback.answer", "request_id", requestId, "answer", "perhaps"));
			assertThat(socket.next("error").get("problem").get("errors").findValuesAsString("field"))
				.containsExactly("answer");
			socket.send(map("type", "feedback.answer", "request_id", requestId, "answer", "yes"));
			socket.send(map("type", "feedback.answer", "request_id", requestId, "answer", "no"));
			assertThat(socket.next("error").get("problem").get("status").asInt()).isEqualTo(409);

			JsonNode answered = api.get("/api/v1/feedback/" + requestId, user.accessToken()).json();
			assertThat(answered.get("status").asString()).isEqualTo("answered");
			assertThat(answered.toString()).contains("\"yes\"");
		}
	}

	@Test
	void anotherUsersChatIsRefusedExactlyLikeAMissingOne() {
		ApiClient.Session stranger = api.register();
		try (SocketClient socket = SocketClient.withToken(port, stranger.accessToken())) {
			socket.send(map("type", "subscribe", "chat_id", chatId));
			JsonNode theirs = socket.next();
			socket.send(map("type", "subscribe", "chat_id", UUID.randomUUID().toString()));
			JsonNode missing = socket.next();
			socket.send(map("type", "chat.send", "chat_id", chatId, "content", "let me in"));
			JsonNode sendTheirs = socket.next();

			assertThat(theirs.get("type").asString()).isEqualTo("error");
			assertThat(withoutRequestId(theirs)).isEqualTo(withoutRequestId(missing)).isEqualTo(withoutRequestId(sendTheirs));
			assertThat(theirs.get("problem").get("status").asInt()).isEqualTo(404);
		}
	}

	@Test
	void aBadFrameGetsAValidationProblemNamingEveryFieldAndTheSocketStaysOpen() {
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "chat.send", "chat_id", "nope", "content", "", "colour", "blue"));
			JsonNode error = socket.next();
			assertThat(error.get("type").asString()).isEqualTo("error");
			assertThat(error.get("problem").get("status").asInt()).isEqualTo(400);
			assertThat(error.get("problem").get("errors").findValuesAsString("field"))
				.containsExactlyInAnyOrder("chat_id", "content", "colour");

			socket.send(map("type", "dance"));
			assertThat(socket.next().get("problem").get("detail").asString()).contains("Unknown frame type");

			socket.send(map("type", "feedback.answer", "request_id", UUID.randomUUID().toString(), "answer", "yes"));
			JsonNode feedback = socket.next();
			assertThat(feedback.get("type").asString()).isEqualTo("error");
			assertThat(feedback.get("problem").get("status").asInt()).isEqualTo(404);

			socket.send(map("type", "ping"));
			assertThat(socket.next().get("type").asString()).isEqualTo("pong");
		}
	}

	private static JsonNode withoutRequestId(JsonNode error) {
		tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) error.deepCopy();
		((tools.jackson.databind.node.ObjectNode) copy.get("problem")).remove("request_id");
		return copy;
	}

	static Duration patience() {
		return Duration.ofSeconds(15);
	}
}
