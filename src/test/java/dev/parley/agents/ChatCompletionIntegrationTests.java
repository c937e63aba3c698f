package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Chat turns with the built-in {@code local/echo} model, which streams a word every 20 ms. */
@IntegrationTest
class ChatCompletionIntegrationTests {

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String chatId;

	@BeforeEach
	void startChat() {
		session = api.register();
		chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Echo chamber", "system_prompt", "Echo."))
			.json()
			.get("id")
			.asString();
	}

	@Test
	void answersATurnWithBothMessagesStored() {
		Response turn = api.post(completions(), session.accessToken(), map("content", "hello brave new world"));

		assertThat(turn.status()).isEqualTo(200);
		JsonNode user = turn.json().get("user_message");
		JsonNode reply = turn.json().get("assistant_message");
		assertThat(user.get("role").asString()).isEqualTo("user");
		assertThat(reply.get("role").asString()).isEqualTo("assistant");
		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).isEqualTo("Echo: hello brave new world");
		assertThat(reply.get("model").asString()).isEqualTo("local/echo");
		// Prompt: the system prompt (1 word) and the user message (4 words); reply: 5 words.
		assertThat(reply.get("usage").get("prompt_tokens").asInt()).isEqualTo(5);
		assertThat(reply.get("usage").get("completion_tokens").asInt()).isEqualTo(5);
		JsonNode history = api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json().get("items");
		assertThat(history).extracting(m -> m.get("content").asString())
			.containsExactly("hello brave new world", "Echo: hello brave new world");
		assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
			.isEqualTo(2);
	}

	@Test
	void streamsTheReplyAsEventsWithIds() {
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", "one two three", "stream", true), null)) {
			assertThat(stream.status()).isEqualTo(200);
			List<SseStream.Event> events = stream.rest();

			assertThat(events.getFirst().name()).isEqualTo("user_message");
			assertThat(events.getFirst().id()).isEqualTo("0");
			assertThat(events.getFirst().json().get("content").asString()).isEqualTo("one two three");
			List<SseStream.Event> deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
			assertThat(deltas).hasSizeGreaterThan(1);
			String streamed = deltas.stream().map(e -> e.json().get("content").asString()).collect(Collectors.joining());
			assertThat(streamed).isEqualTo("Echo: one two three");
			// Every event of the reply's log is numbered, from 1, in order; done comes right after the last.
			assertThat(deltas).extracting(SseStream.Event::id)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, deltas.size()).mapToObj(Integer::toString).toList());
			SseStream.Event done = events.getLast();
			assertThat(done.name()).isEqualTo("done");
			assertThat(done.id()).isEqualTo(Integer.toString(deltas.size() + 1));
			assertThat(done.json().get("status").asString()).isEqualTo("completed");
			assertThat(done.json().get("content").asString()).isEqualTo(streamed);
			assertThat(done.json().get("usage").get("completion_tokens").asInt()).isEqualTo(4);
			assertThat(deltas).allSatisfy(delta -> assertThat(delta.json().get("message_id").asString())
				.isEqualTo(done.json().get("id").asString()));
		}
	}

	@Test
	void aClientThatLeavesDoesNotStopTheReply() {
		String words = words(60);
		String messageId;
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", words, "stream", true), null)) {
			stream.next();
			messageId = stream.next().json().get("message_id").asString();
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode reply = api.get("/api/v1/messages/" + messageId, session.accessToken()).json();
			assertThat(reply.get("status").asString()).isEqualTo("completed");
			assertThat(reply.get("content").asString()).isEqualTo("Echo: " + words);
		});
	}

	@Test
	void savesTheReplyWhileItIsBeingWritten() {
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", words(300), "stream", true), null)) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();
			JsonNode saved = await().atMost(Duration.ofSeconds(3))
				.until(() -> api.get("/api/v1/messages/" + messageId, session.accessToken()).json(),
						reply -> reply.get("content").asString().startsWith("Echo: w0"));
			assertThat(saved.get("status").asString()).isEqualTo("streaming");
			api.post("/api/v1/messages/" + messageId + "/cancel", session.accessToken(), null);
		}
	}

	@Test
	void resumesFromLastEventId() {
		String words = words(40);
		String messageId;
		String lastEventId;
		StringBuilder received = new StringBuilder();
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", words, "stream", true), null)) {
			stream.next();
			SseStream.Event first = stream.next();
			messageId = first.json().get("message_id").asString();
			received.append(first.json().get("content").asString());
			lastEventId = first.id();
		}
		try (SseStream resumed = api.stream("GET", "/api/v1/messages/" + messageId + "/stream", session.accessToken(),
				null, lastEventId)) {
			assertThat(resumed.status()).isEqualTo(200);
			List<SseStream.Event> events = resumed.rest();
			events.stream()
				.filter(e -> e.name().equals("delta"))
				.forEach(e -> received.append(e.json().get("content").asString()));
			assertThat(events.getLast().name()).isEqualTo("done");
		}
		assertThat(received.toString()).isEqualTo("Echo: " + words);
	}

	@Test
	void followingAnEndedReplyEndsAtOnceWithDone() {
		JsonNode reply = api.post(completions(), session.accessToken(), map("content", "short")).json()
			.get("assistant_message");
		String stream = "/api/v1/messages/" + reply.get("id").asString() + "/stream";
		List<SseStream.Event> all;
		try (SseStream whole = api.stream("GET", stream, session.accessToken(), null, null)) {
			all = whole.rest();
		}
		String lastDelta = all.get(all.size() - 2).id();
		try (SseStream rest = api.stream("GET", stream, session.accessToken(), null, lastDelta)) {
			List<SseStream.Event> events = rest.rest();
			assertThat(events).extracting(SseStream.Event::name).containsExactly("done");
			assertThat(events.getFirst().id()).isEqualTo(all.getLast().id());
			assertThat(events.getFirst().json().get("content").asString()).isEqualTo("Echo: short");
		}
	}

	@Test
	void aLastEventIdPastTheEndResumesFromTheRealEnd() {
		JsonNode ended = api.post(completions(), session.accessToken(), map("content", "short")).json()
			.get("assistant_message");
		String endedStream = "/api/v1/messages/" + ended.get("id").asString() + "/stream";
		String doneId;
		try (SseStream whole = api.stream("GET", endedStream, session.accessToken(), null, null)) {
			doneId = whole.rest().getLast().id();
		}
		try (SseStream stream = api.stream("GET", endedStream, session.accessToken(), null, "9999")) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events).extracting(SseStream.Event::name).containsExactly("done");
			assertThat(events.getFirst().id()).isEqualTo(doneId);
		}
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", words(40), "stream", true), null)) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();
			try (SseStream resumed = api.stream("GET", "/api/v1/messages/" + messageId + "/stream",
					session.accessToken(), null, "99999999999")) {
				// Mid-reply, a number past the end counts from where the reply is now.
				SseStream.Event done = resumed.rest().getLast();
				assertThat(done.name()).isEqualTo("done");
				assertThat(done.id()).isEqualTo(stream.rest().getLast().id());
			}
		}
	}

	@Test
	void theStreamRouteFollowsRepliesOnly() {
		JsonNode turn = api.post(completions(), session.accessToken(), map("content", "mine")).json();
		String userMessageId = turn.get("user_message").get("id").asString();
		String systemMessageId = api.post("/api/v1/chats/" + chatId + "/messages", session.accessToken(),
				map("role", "system", "content", "Be brief.")).json().get("id").asString();

		for (String id : List.of(userMessageId, systemMessageId)) {
			Response refused = api.send(api.request("/api/v1/messages/" + id + "/stream", session.accessToken())
				.header("Accept", "text/event-stream")
				.GET());
			assertThat(refused.status()).isEqualTo(404);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("status").asInt()).isEqualTo(404);
		}
		String replyId = turn.get("assistant_message").get("id").asString();
		assertThat(api.stream("GET", "/api/v1/messages/" + replyId + "/stream", api.register().accessToken(), null,
				null).status()).isEqualTo(404);
	}

	@Test
	void cancellingKeepsWhatArrived() {
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", words(300), "stream", true), null)) {
			stream.next();
			String messageId = stream.next().json().get("message_id").asString();

			Response cancelled = api.post("/api/v1/messages/" + messageId + "/cancel", session.accessToken(), null);

			assertThat(cancelled.status()).isEqualTo(200);
			assertThat(cancelled.json().get("status").asString()).isEqualTo("interrupted");
			String kept = cancelled.json().get("content").asString();
			assertThat(kept).startsWith("Echo:").isNotEqualTo("Echo: " + words(300));
			SseStream.Event last = stream.rest().getLast();
			assertThat(last.name()).isEqualTo("done");
			assertThat(last.json().get("status").asString()).isEqualTo("interrupted");
			assertThat(api.get("/api/v1/messages/" + messageId, session.accessToken()).json().get("content").asString())
				.isEqualTo(kept);
			assertThat(api.post("/api/v1/messages/" + messageId + "/cancel", session.accessToken(), null).status())
				.isEqualTo(409);
		}
	}

	@Test
	void anEventStreamClientStillGetsTheProblemThatStoppedItsTurn() {
		try (SseStream stream = api.stream("POST", "/api/v1/chats/" + java.util.UUID.randomUUID() + "/completions",
				session.accessToken(), map("content", "hello", "stream", true), null)) {
			assertThat(stream.status()).isEqualTo(404);
		}
		Response refused = api.send(api.request("/api/v1/chats/" + java.util.UUID.randomUUID() + "/completions",
				session.accessToken())
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"content\": \"hello\", \"stream\": true}")));
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(404);
	}

	@Test
	void refusesAnUnknownModelBeforeStoringAnything() {
		Response turn = api.post(completions(), session.accessToken(),
				map("content", "hello", "model", "nobody/knows-this"));
		assertThat(turn.status()).isEqualTo(400);
		assertThat(turn.json().get("errors").get(0).get("field").asString()).isEqualTo("model");
		assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
			.isZero();
	}

	@Test
	void validatesTheTurn() {
		assertThat(api.post(completions(), session.accessToken(), map("content", " ")).status()).isEqualTo(400);
		assertThat(api.post(completions(), session.accessToken(), map("content", "x".repeat(100_001))).status())
			.isEqualTo(400);
		assertThat(api.post(completions(), session.accessToken(), map("content", "hi", "temperature", 3)).status())
			.isEqualTo(400);
	}

	@Test
	void anotherUsersChatAndRepliesAreInvisible() {
		JsonNode reply = api.post(completions(), session.accessToken(), map("content", "mine")).json()
			.get("assistant_message");
		ApiClient.Session intruder = api.register();
		String messageId = reply.get("id").asString();

		assertThat(api.post(completions(), intruder.accessToken(), map("content", "theirs")).status()).isEqualTo(404);
		assertThat(api.stream("GET", "/api/v1/messages/" + messageId + "/stream", intruder.accessToken(), null, null)
			.status()).isEqualTo(404);
		assertThat(api.post("/api/v1/messages/" + messageId + "/cancel", intruder.accessToken(), null).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
			.isEqualTo(2);
	}

	@Test
	void usesTheChatsModelAndTheRequestsMaxTokens() {
		api.patch("/api/v1/chats/" + chatId, session.accessToken(), map("model", "local/echo"));
		JsonNode reply = api.post(completions(), session.accessToken(), map("content", "a b c d e f", "max_tokens", 3))
			.json()
			.get("assistant_message");
		assertThat(reply.get("content").asString()).isEqualTo("Echo: a b");
		assertThat(reply.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
	}

	@Test
	void capsTheRepliesOneUserHasRunningAtOnce() {
		List<SseStream> running = IntStream.range(0, 4)
			.mapToObj(i -> api.stream("POST", completions(), session.accessToken(),
					map("content", words(300), "stream", true), null))
			.toList();
		try {
			List<String> replyIds = running.stream().map(stream -> {
				stream.next();
				return stream.next().json().get("message_id").asString();
			}).toList();

			Response fifth = api.post(completions(), session.accessToken(), map("content", "one more"));

			assertThat(fifth.status()).isEqualTo(429);
			assertThat(fifth.header("Retry-After")).isNotBlank();
			assertThat(messageCount()).isEqualTo(8);
			replyIds.forEach(id -> api.post("/api/v1/messages/" + id + "/cancel", session.accessToken(), null));
			assertThat(api.post(completions(), session.accessToken(), map("content", "now there is room")).status())
				.isEqualTo(200);
		}
		finally {
			running.forEach(SseStream::close);
		}
	}

	/**
	 * Two turns race for the last free place: the chat is locked so that both are under way at once
	 * (past any check of capacity, waiting to store their message) before either can store anything.
	 */
	@Test
	void aTurnRefusedForWantOfCapacityStoresNothing(@Autowired DataSource dataSource, @Autowired JdbcClient jdbc)
			throws SQLException {
		List<SseStream> running = IntStream.range(0, 3)
			.mapToObj(i -> api.stream("POST", completions(), session.accessToken(),
					map("content", words(300), "stream", true), null))
			.toList();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<String> replyIds = running.stream().map(stream -> {
				stream.next();
				return stream.next().json().get("message_id").asString();
			}).toList();
			List<CompletableFuture<Response>> racing;
			try (Connection lock = dataSource.getConnection()) {
				lock.setAutoCommit(false);
				try (PreparedStatement select = lock.prepareStatement("select id from chats where id = ? for update")) {
					select.setObject(1, UUID.fromString(chatId));
					select.executeQuery().close();
				}
				racing = Stream.of("first of two", "second of two")
					.map(content -> CompletableFuture.supplyAsync(
							() -> api.post(completions(), session.accessToken(), map("content", content)), clients))
					.toList();
				await().atMost(Duration.ofSeconds(20))
					.until(() -> waitingToStoreIn(jdbc) + racing.stream().filter(CompletableFuture::isDone).count() >= 2);
				lock.commit();
			}

			assertThat(racing.stream().map(CompletableFuture::join).map(Response::status).sorted())
				.containsExactly(200, 429);
			assertThat(messageCount()).isEqualTo(6 + 2);
			JsonNode history = api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json()
				.get("items");
			assertThat(history).extracting(m -> m.get("status").asString()).doesNotContain("failed");
			replyIds.forEach(id -> api.post("/api/v1/messages/" + id + "/cancel", session.accessToken(), null));
		}
		finally {
			running.forEach(SseStream::close);
		}
	}

	/** Requests of this database waiting for the lock of a chat to store a message in it. */
	private static long waitingToStoreIn(JdbcClient jdbc) {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'
				  and query like 'update chats set message_count = message_count + %'
				""").query(Long.class).single();
	}

	private int messageCount() {
		return api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt();
	}

	private String completions() {
		return "/api/v1/chats/" + chatId + "/completions";
	}

	private static String words(int count) {
		return IntStream.range(0, count).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
	}
}
