package dev.parley.realtime.websocket;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A client that reconnects gets exactly the frames it missed, or a snapshot when they are gone. */
@IntegrationTest
class ChatResumeIntegrationTests {

	/** Long enough (80 words, 20 ms each) for a client to leave while it is written. */
	static final String LONG_MESSAGE = IntStream.rangeClosed(1, 80).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	ApiClient.Session user;

	String chatId;

	@BeforeEach
	void startChat() {
		user = api.register();
		chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Resumed")).json().get("id").asString();
	}

	@Test
	void aClientThatLeftMidReplyGetsExactlyTheFramesItMissed() {
		List<JsonNode> before;
		String replyId;
		try (SocketClient first = SocketClient.withToken(port, user.accessToken())) {
			first.send(map("type", "chat.send", "chat_id", chatId, "content", LONG_MESSAGE));
			first.next("message.created");
			replyId = first.next("message.created").get("message_id").asString();
			before = first.until(frame -> frame.path("seq").asLong() == 5);
		}

		try (SocketClient second = SocketClient.withToken(port, user.accessToken())) {
			second.send(map("type", "subscribe", "chat_id", chatId, "after", map("message_id", replyId, "seq", 5)));
			JsonNode ack = second.next();
			assertThat(ack.get("type").asString()).isEqualTo("session.started");
			assertThat(ack.get("recovered").asBoolean()).isTrue();
			List<JsonNode> after = second.until(frame -> frame.get("type").asString().equals("done"));

			assertContiguous(before, after, replyId);
		}
	}

	@Test
	void aReplyThatEndedMeanwhileIsReplayedFromItsLogAfterTheGivenNumber() {
		String replyId;
		List<JsonNode> all;
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "chat.send", "chat_id", chatId, "content", "short and done"));
			socket.next("message.created");
			replyId = socket.next("message.created").get("message_id").asString();
			all = socket.until(frame -> frame.get("type").asString().equals("done"));
		}

		try (SocketClient later = SocketClient.withToken(port, user.accessToken())) {
			later.send(map("type", "subscribe", "chat_id", chatId, "after", map("message_id", replyId, "seq", 2)));
			assertThat(later.next().get("recovered").asBoolean()).isTrue();
			List<JsonNode> missed = later.until(frame -> frame.get("type").asString().equals("done"));

			assertThat(missed).extracting(frame -> frame.get("seq").asLong())
				.containsExactlyElementsOf(all.stream().map(frame -> frame.get("seq").asLong()).filter(seq -> seq > 2).toList());
			assertThat(missed).extracting(frame -> frame.toString())
				.containsExactlyElementsOf(all.subList(2, all.size()).stream().map(JsonNode::toString).toList());

			// Having everything, a client misses nothing: the next frame is the answer to its ping.
			later.send(map("type", "subscribe", "chat_id", chatId, "after",
					map("message_id", replyId, "seq", all.getLast().get("seq").asLong())));
			assertThat(later.next().get("recovered").asBoolean()).isTrue();
			later.send(map("type", "ping"));
			assertThat(later.next().get("type").asString()).isEqualTo("pong");
		}
	}

	@Test
	void aGapThatIsGoneGetsRecoveredFalseAndASnapshot() {
		String replyId;
		try (SocketClient socket = SocketClient.withToken(port, user.accessToken())) {
			socket.send(map("type", "chat.send", "chat_id", chatId, "content", "soon deleted"));
			socket.next("message.created");
			replyId = socket.next("message.created").get("message_id").asString();
			socket.next("done");
		}

		try (SocketClient later = SocketClient.withToken(port, user.accessToken())) {
			// A number the reply's log never reached.
			later.send(map("type", "subscribe", "chat_id", chatId, "after", map("message_id", replyId, "seq", 999)));
			JsonNode beyond = later.next();
			assertThat(beyond.get("recovered").asBoolean()).isFalse();
			assertThat(beyond.get("snapshot").get("messages")).hasSize(2);

			assertThat(api.delete("/api/v1/messages/" + replyId, user.accessToken()).status()).isEqualTo(204);
			later.send(map("type", "subscribe", "chat_id", chatId, "after", map("message_id", replyId, "seq", 1)));
			JsonNode deleted = later.next();
			assertThat(deleted.get("type").asString()).isEqualTo("session.started");
			assertThat(deleted.get("recovered").asBoolean()).isFalse();
			JsonNode messages = deleted.get("snapshot").get("messages");
			assertThat(messages).hasSize(1);
			assertThat(messages.get(0).get("content").asString()).isEqualTo("soon deleted");
		}
	}

	/** The frames before and after the reconnect are the reply's whole log, each once, in order. */
	static void assertContiguous(List<JsonNode> before, List<JsonNode> after, String replyId) {
		List<JsonNode> reply = new ArrayList<>(before.stream().filter(frame -> frame.has("seq") && frame.get("seq").asLong() > 0).toList());
		reply.addAll(after);
		assertThat(reply).allSatisfy(frame -> assertThat(frame.get("message_id").asString()).isEqualTo(replyId));
		assertThat(reply).extracting(frame -> frame.get("seq").asLong())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, reply.size()).mapToObj(Long::valueOf).toList());
		JsonNode done = reply.getLast();
		assertThat(done.get("type").asString()).isEqualTo("done");
		String streamed = reply.stream()
			.filter(frame -> frame.get("type").asString().equals("delta"))
			.map(frame -> frame.get("content").asString())
			.collect(Collectors.joining());
		assertThat(streamed).isEqualTo(done.get("message").get("content").asString()).contains("word80");
	}
}
