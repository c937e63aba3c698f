package dev.parley.realtime;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.parley.ParleyApplication;
import dev.parley.conversations.MessageRole;
import dev.parley.conversations.Replies;
import dev.parley.conversations.Chats;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event log of a reply: every event numbered from 1, resumable after any number, with the same
 * numbers and the same text whether it is read from the live buffer of the node that generates it
 * or, on another node, from the database. The other node is a second application on the same
 * database, which holds nothing of the reply in memory. The built-in {@code local/echo} model writes
 * a word every 20 ms.
 */
@IntegrationTest
class ReplyEventLogIntegrationTests {

	static ConfigurableApplicationContext otherNode;

	static ApiClient otherApi;

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String chatId;

	@BeforeAll
	static void startOtherNode() {
		otherNode = new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--spring.profiles.active=test");
		otherApi = new ApiClient(Integer.parseInt(otherNode.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stopOtherNode() {
		otherNode.close();
	}

	@BeforeEach
	void startChat() {
		session = api.register();
		chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Logged")).json().get("id").asString();
	}

	@Test
	void resumesFromTheLiveBufferAfterAnEventInTheMiddle() {
		String words = words(40);
		List<SseStream.Event> before = new ArrayList<>();
		String messageId;
		try (SseStream stream = startTurn(words)) {
			assertThat(stream.next().id()).isEqualTo("0");
			for (int i = 0; i < 3; i++) {
				before.add(stream.next());
			}
			messageId = before.getFirst().json().get("message_id").asString();
		}
		assertThat(before).extracting(SseStream.Event::id).containsExactly("1", "2", "3");

		List<SseStream.Event> after = follow(api, messageId, "2");

		assertThat(after.getFirst().id()).isEqualTo("3");
		assertThat(after.getFirst().json().get("content").asString())
			.isEqualTo(before.get(2).json().get("content").asString());
		assertNumberedFrom(3, after);
		assertThat(text(before.subList(0, 2)) + text(after)).isEqualTo("Echo: " + words);
		assertThat(after.getLast().name()).isEqualTo("done");
	}

	@Test
	void anotherNodeReplaysAReplyStillBeingWrittenWithTheSameNumbersAndText() {
		String words = words(150);
		List<SseStream.Event> live;
		String messageId;
		List<SseStream.Event> elsewhere;
		try (SseStream stream = startTurn(words)) {
			stream.next();
			SseStream.Event first = stream.next();
			messageId = first.json().get("message_id").asString();
			// The other node knows the reply only from its saved rows: it follows it while it is written.
			elsewhere = follow(otherApi, messageId, "1");
			List<SseStream.Event> rest = stream.rest();
			live = new ArrayList<>(List.of(first));
			live.addAll(rest);
		}
		assertThat(elsewhere.getLast().name()).isEqualTo("done");
		assertNumberedFrom(2, elsewhere);
		assertThat(describe(elsewhere)).isEqualTo(describe(live.subList(1, live.size())));
		assertThat(text(live)).isEqualTo("Echo: " + words);
	}

	@Test
	void anotherNodeResumesAnEndedReplyWithTheRestAndDone() {
		String messageId;
		List<SseStream.Event> live;
		try (SseStream stream = startTurn(words(12))) {
			stream.next();
			live = stream.rest();
			messageId = live.getFirst().json().get("message_id").asString();
		}
		String middle = live.get(live.size() / 2).id();

		List<SseStream.Event> here = follow(api, messageId, middle);
		List<SseStream.Event> elsewhere = follow(otherApi, messageId, middle);

		assertThat(describe(elsewhere)).isEqualTo(describe(here));
		assertThat(describe(elsewhere)).isEqualTo(describe(live.subList(live.size() / 2 + 1, live.size())));
		assertThat(elsewhere.getLast().name()).isEqualTo("done");
		assertThat(elsewhere.getLast().json().get("status").asString()).isEqualTo("completed");
		// Past the end, on either node: only done, with its own number.
		assertThat(describe(follow(otherApi, messageId, "999"))).containsExactly(describe(live).getLast());
	}

	@Test
	void aReplyFromBeforeTheEventIndexIsOneDelta(@Autowired Chats chats, @Autowired Replies replies) {
		UUID userId = UUID.fromString(session.userId());
		UUID chat = UUID.fromString(chatId);
		chats.post(chat, userId, MessageRole.USER, "old times");
		UUID reply = replies.start(chat, userId, "local/echo").id();
		replies.saveProgress(reply, "written before indexes");
		replies.complete(reply, "written before indexes", "local/echo", dev.parley.conversations.Usage.of(1, 3));

		List<SseStream.Event> events = follow(otherApi, reply.toString(), null);

		assertThat(describe(events)).containsExactly("1 delta written before indexes", "2 done written before indexes");
	}

	private SseStream startTurn(String content) {
		SseStream stream = api.stream("POST", "/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", content, "stream", true), null);
		assertThat(stream.status()).isEqualTo(200);
		return stream;
	}

	private List<SseStream.Event> follow(ApiClient node, String messageId, String lastEventId) {
		try (SseStream stream = node.stream("GET", "/api/v1/messages/" + messageId + "/stream", session.accessToken(),
				null, lastEventId)) {
			assertThat(stream.status()).isEqualTo(200);
			return stream.rest();
		}
	}

	private static void assertNumberedFrom(int first, List<SseStream.Event> events) {
		assertThat(events).extracting(SseStream.Event::id)
			.containsExactlyElementsOf(
					IntStream.range(first, first + events.size()).mapToObj(Integer::toString).toList());
	}

	/** Each event as "id name text" (the text of a delta, the content of done). */
	private static List<String> describe(List<SseStream.Event> events) {
		return events.stream().map(e -> e.id() + " " + e.name() + " " + e.json().get("content").asString()).toList();
	}

	private static String text(List<SseStream.Event> events) {
		return events.stream()
			.filter(e -> e.name().equals("delta"))
			.map(e -> e.json().get("content").asString())
			.collect(Collectors.joining());
	}

	private static String words(int count) {
		return IntStream.range(0, count).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
	}

}
