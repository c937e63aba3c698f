package dev.parley.realtime;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.provider.EndlessProvider;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reply streams that end otherwise than with their reply: the reply (or its chat) is deleted while
 * it is written, or the stream reaches {@code PARLEY_STREAM_TIMEOUT} (5 s here). The test model
 * {@code endless/words} writes until it is cancelled, and counts the cancellations.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.mvc.async.request-timeout=5s")
class ReplyStreamEndingsIntegrationTests {

	private static final Duration AT_ONCE = Duration.ofSeconds(4);

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String chatId;

	@BeforeEach
	void startChat() {
		session = api.register();
		chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Short-lived")).json().get("id")
			.asString();
	}

	@Test
	void deletingAReplyWhileItStreamsEndsItsStreamsWithGoneAndStopsTheModel() {
		int cancelledBefore = EndlessProvider.cancellations();
		try (SseStream stream = startReply("delete me")) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();
			try (SseStream follower = api.stream("GET", "/api/v1/messages/" + messageId + "/stream",
					session.accessToken(), null, null)) {
				assertThat(follower.next().name()).isEqualTo("delta");

				assertThat(api.delete("/api/v1/messages/" + messageId, session.accessToken()).status()).isEqualTo(204);

				assertEndsGone(stream, messageId);
				assertEndsGone(follower, messageId);
			}
			await().atMost(AT_ONCE).until(() -> EndlessProvider.cancellations() > cancelledBefore);
			assertThat(api.get("/api/v1/messages/" + messageId, session.accessToken()).status()).isEqualTo(404);
			assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
				.isEqualTo(1);
		}
	}

	@Test
	void deletingTheChatWhileAReplyStreamsEndsItsStreamsWithGone() {
		int cancelledBefore = EndlessProvider.cancellations();
		try (SseStream stream = startReply("delete the chat")) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();
			try (SseStream follower = api.stream("GET", "/api/v1/messages/" + messageId + "/stream",
					session.accessToken(), null, null)) {
				assertThat(follower.next().name()).isEqualTo("delta");

				assertThat(api.delete("/api/v1/chats/" + chatId, session.accessToken()).status()).isEqualTo(204);

				assertEndsGone(stream, messageId);
				assertEndsGone(follower, messageId);
			}
			await().atMost(AT_ONCE).until(() -> EndlessProvider.cancellations() > cancelledBefore);
		}
	}

	/** As when another node deletes it: no event reaches this one, the progress flusher finds the row gone. */
	@Test
	void aReplyWhoseRowVanishesEndsGoneAtItsNextSave(@Autowired JdbcClient jdbc) {
		int cancelledBefore = EndlessProvider.cancellations();
		try (SseStream stream = startReply("vanish")) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();

			assertThat(jdbc.sql("delete from messages where id = ?").params(UUID.fromString(messageId)).update())
				.isOne();

			assertEndsGone(stream, messageId);
			await().atMost(AT_ONCE).until(() -> EndlessProvider.cancellations() > cancelledBefore);
		}
	}

	@Test
	void aReplyStreamEndsAtTheStreamTimeoutWhileTheReplyGoesOn() {
		String messageId;
		try (SseStream stream = startReply("outlast the stream")) {
			stream.next();
			messageId = stream.next().json().get("message_id").asString();

			List<SseStream.Event> rest = assertTimeoutPreemptively(Duration.ofSeconds(20), stream::rest);

			assertThat(rest).extracting(SseStream.Event::name).containsOnly("delta");
		}
		try {
			JsonNode reply = api.get("/api/v1/messages/" + messageId, session.accessToken()).json();
			assertThat(reply.get("status").asString()).isEqualTo("streaming");
			try (SseStream resumed = api.stream("GET", "/api/v1/messages/" + messageId + "/stream",
					session.accessToken(), null, "0")) {
				// From the start: the reply's events as they were numbered and split while it streamed.
				SseStream.Event first = resumed.next();
				assertThat(first.id()).isEqualTo("1");
				assertThat(first.json().get("content").asString()).isEqualTo("Endless");
				assertThat(resumed.next().json().get("content").asString()).isEqualTo(" word");
			}
		}
		finally {
			api.post("/api/v1/messages/" + messageId + "/cancel", session.accessToken(), null);
		}
	}

	private SseStream startReply(String prompt) {
		SseStream stream = api.stream("POST", "/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", prompt, "model", "endless/words", "stream", true), null);
		assertThat(stream.status()).isEqualTo(200);
		return stream;
	}

	private static void assertEndsGone(SseStream stream, String messageId) {
		List<SseStream.Event> rest = assertTimeoutPreemptively(AT_ONCE, stream::rest,
				"the stream of a deleted reply did not end");
		SseStream.Event last = rest.getLast();
		assertThat(last.name()).isEqualTo("error");
		assertThat(last.json().get("status").asInt()).isEqualTo(410);
		assertThat(last.json().get("type").asString()).endsWith("/gone");
		assertThat(last.json().get("message_id").asString()).isEqualTo(messageId);
		assertThat(rest).extracting(SseStream.Event::name).doesNotContain("done");
	}
}
