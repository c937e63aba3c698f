package dev.parley.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** The module API as other modules call it, and what HTTP shows of replies no endpoint writes yet. */
@IntegrationTest
@RecordApplicationEvents
class ChatsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Chats chats;

	@Autowired
	MessageRepository messages;

	@Autowired
	Replies replies;

	@Autowired
	ApplicationEvents events;

	ConversationsClient user;

	UUID userId;

	@BeforeEach
	void registerUser() {
		user = ConversationsClient.registered(api);
		userId = UUID.fromString(user.session().userId());
	}

	@Test
	void postingPublishesMessagePosted() {
		Chat chat = chats.start(userId, "Events", null, null);
		Message message = chats.post(chat.id(), userId, MessageRole.USER, "Hello");

		assertThat(events.stream(MessagePosted.class))
			.containsExactly(new MessagePosted(chat.id(), message.id(), userId));
	}

	@Test
	void postingToAnotherUsersChatFailsAndPublishesNothing() {
		Chat chat = chats.start(userId, "Not yours", null, null);
		UUID stranger = UUID.fromString(api.register().userId());

		assertThatExceptionOfType(ChatNotFound.class)
			.isThrownBy(() -> chats.post(chat.id(), stranger, MessageRole.USER, "Hi"));
		assertThat(events.stream(MessagePosted.class)).isEmpty();
		assertThat(chats.get(chat.id(), userId).messageCount()).isZero();
		assertThatExceptionOfType(ChatNotFound.class).isThrownBy(() -> chats.get(chat.id(), stranger));
	}

	@Test
	void concurrentPostsAreAllCounted() throws Exception {
		Chat chat = chats.start(userId, "Busy", null, null);
		int posts = 8;
		List<Callable<Message>> tasks = IntStream.range(0, posts)
			.<Callable<Message>>mapToObj(i -> () -> chats.post(chat.id(), userId, MessageRole.USER, "Post " + i))
			.toList();
		try (ExecutorService pool = Executors.newFixedThreadPool(posts)) {
			for (Future<Message> posted : pool.invokeAll(tasks)) {
				assertThat(posted.get().chatId()).isEqualTo(chat.id());
			}
		}
		Chat counted = chats.get(chat.id(), userId);
		assertThat(counted.messageCount()).isEqualTo(posts);
		assertThat(chats.history(chat.id(), userId, null, 100).items()).hasSize(posts);
	}

	@Test
	void completedReplyShowsItsModelAndUsage() {
		Chat chat = chats.start(userId, "Replies", "local/echo", null);
		Instant now = Instant.now();
		Message reply = Message.assistantDraft(chat.id(), "local/echo", now);
		reply.complete("Hello!", "local/echo", Usage.of(12, 5), now);
		messages.save(reply);

		JsonNode json = user.get("/api/v1/messages/" + reply.id()).json();
		assertThat(json.get("role").asString()).isEqualTo("assistant");
		assertThat(json.get("status").asString()).isEqualTo("completed");
		assertThat(json.get("content").asString()).isEqualTo("Hello!");
		assertThat(json.get("model").asString()).isEqualTo("local/echo");
		assertThat(json.get("usage").get("prompt_tokens").asInt()).isEqualTo(12);
		assertThat(json.get("usage").get("completion_tokens").asInt()).isEqualTo(5);
		assertThat(json.get("usage").get("total_tokens").asInt()).isEqualTo(17);
	}

	@Test
	void streamingReplyCannotBeEditedAndKeepsWhatArrived() {
		Chat chat = chats.start(userId, "Streaming", "local/echo", null);
		Message draft = replies.start(chat.id(), userId, "local/echo");
		assertThat(replies.saveProgress(draft.id(), "Partial")).isTrue();

		ApiClient.Response edit = user.patch("/api/v1/messages/" + draft.id(), ApiClient.map("content", "Rewritten"));
		assertThat(edit.status()).isEqualTo(409);
		JsonNode json = user.get("/api/v1/messages/" + draft.id()).json();
		assertThat(json.get("status").asString()).isEqualTo("streaming");
		assertThat(json.get("content").asString()).isEqualTo("Partial");
		assertThat(json.get("usage").isNull()).isTrue();
	}
}
