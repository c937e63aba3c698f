package dev.parley.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RepliesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Chats chats;

	@Autowired
	Replies replies;

	UUID userId;

	Chat chat;

	@BeforeEach
	void startChat() {
		userId = UUID.fromString(api.register().userId());
		chat = chats.start(userId, "Replies", null, null);
	}

	@Test
	void aReplyIsCountedFromItsFirstMomentAndKeepsItsProgress() {
		Message draft = replies.start(chat.id(), userId, "local/echo");
		assertThat(chats.get(chat.id(), userId).messageCount()).isEqualTo(1);
		assertThat(draft.status()).isEqualTo(MessageStatus.STREAMING);

		assertThat(replies.saveProgress(draft.id(), "Half")).isTrue();
		assertThat(chats.message(draft.id(), userId).content()).isEqualTo("Half");

		Message completed = replies.complete(draft.id(), "Half and whole", "openai/gpt-4o-mini", Usage.of(3, 4))
			.orElseThrow();
		assertThat(completed.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(completed.model()).isEqualTo("openai/gpt-4o-mini");
		assertThat(replies.saveProgress(draft.id(), "late")).isFalse();
		assertThat(chats.message(draft.id(), userId).content()).isEqualTo("Half and whole");
	}

	@Test
	void savesManyRepliesAtOnceAndNamesThoseStillStreaming() {
		Message first = replies.start(chat.id(), userId, "local/echo");
		Message second = replies.start(chat.id(), userId, "local/echo");
		Message cancelled = replies.start(chat.id(), userId, "local/echo");
		replies.interrupt(cancelled.id(), "stopped");

		Set<UUID> streaming = replies.saveProgress(
				Map.of(first.id(), "one", second.id(), "two ☕", cancelled.id(), "too late"));

		assertThat(streaming).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(chats.message(first.id(), userId).content()).isEqualTo("one");
		assertThat(chats.message(second.id(), userId).content()).isEqualTo("two ☕");
		assertThat(chats.message(cancelled.id(), userId).content()).isEqualTo("stopped");
	}

	@Test
	void aFinishedReplyCannotEndTwice() {
		Message draft = replies.start(chat.id(), userId, "local/echo");
		assertThat(replies.interrupt(draft.id(), "cut")).isPresent();
		assertThat(replies.fail(draft.id(), "cut", "too late")).isEmpty();
		assertThat(chats.message(draft.id(), userId).status()).isEqualTo(MessageStatus.INTERRUPTED);
	}

	@Test
	void sweepsRepliesAbandonedByACrashButNotLiveOnes() {
		Message abandoned = replies.start(chat.id(), userId, "local/echo");
		replies.saveProgress(abandoned.id(), "what arrived before the crash");
		Message live = replies.start(chat.id(), userId, "local/echo");

		// Zero quiet time: everything not saved in this instant counts as abandoned ...
		replies.interruptAbandoned(Duration.ofMillis(-1));
		// ... while a long one spares replies saved recently.
		Message fresh = replies.start(chat.id(), userId, "local/echo");
		replies.interruptAbandoned(Duration.ofMinutes(5));

		Message swept = chats.message(abandoned.id(), userId);
		assertThat(swept.status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(swept.content()).isEqualTo("what arrived before the crash");
		assertThat(chats.message(live.id(), userId).status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(chats.message(fresh.id(), userId).status()).isEqualTo(MessageStatus.STREAMING);
	}

	@Test
	void promptHistoryHoldsFinishedMessagesWithTextOldestFirst() {
		chats.post(chat.id(), userId, MessageRole.USER, "first");
		replies.start(chat.id(), userId, "local/echo");
		Message failed = replies.start(chat.id(), userId, "local/echo");
		replies.fail(failed.id(), "half an answer", "provider down");
		chats.post(chat.id(), userId, MessageRole.USER, "second");

		assertThat(replies.promptHistory(chat.id(), userId, 10, 1_000)).containsExactly(
				new HistoryMessage(MessageRole.USER, "first"), new HistoryMessage(MessageRole.USER, "second"));
		assertThat(replies.promptHistory(chat.id(), userId, 1, 1_000)).extracting(HistoryMessage::content)
			.containsExactly("second");
	}

	@Test
	void promptHistoryReachesBackNoFurtherThanTheCharactersAsked() {
		chats.post(chat.id(), userId, MessageRole.USER, "a".repeat(100));
		chats.post(chat.id(), userId, MessageRole.USER, "b".repeat(100));
		chats.post(chat.id(), userId, MessageRole.USER, "c".repeat(100));

		// The message that crosses the mark is included, so that the caller can trim precisely.
		assertThat(replies.promptHistory(chat.id(), userId, 10, 150)).extracting(m -> m.content().charAt(0))
			.containsExactly('b', 'c');
		assertThat(replies.promptHistory(chat.id(), userId, 10, 100)).extracting(m -> m.content().charAt(0))
			.containsExactly('c');
		assertThat(replies.promptHistory(chat.id(), userId, 10, 301)).hasSize(3);
	}

	@Test
	void promptHistoryOfAnotherUsersChatIsNotFound() {
		chats.post(chat.id(), userId, MessageRole.USER, "private");
		UUID stranger = UUID.fromString(api.register().userId());

		assertThatThrownBy(() -> replies.promptHistory(chat.id(), stranger, 10, 1_000))
			.isInstanceOf(ChatNotFound.class);
	}
}
