package dev.parley.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageTests {

	private static final Instant START = Instant.parse("2025-05-01T10:00:00Z");

	private static final Instant LATER = START.plusSeconds(3);

	private final UUID chatId = UUID.randomUUID();

	@Test
	void writtenMessageIsCompleteAtOnce() {
		Message message = Message.written(chatId, MessageRole.USER, "Hi", START);
		assertThat(message.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(message.usage()).isNull();
		assertThat(message.model()).isNull();
		assertThat(message.createdAt()).isEqualTo(START).isEqualTo(message.updatedAt());
	}

	@Test
	void replyGrowsWhileStreamingAndCompletesWithUsage() {
		Message reply = Message.assistantDraft(chatId, "local/echo", START);
		assertThat(reply.role()).isEqualTo(MessageRole.ASSISTANT);
		assertThat(reply.status()).isEqualTo(MessageStatus.STREAMING);
		assertThat(reply.content()).isEmpty();

		reply.appendContent("Hello, ", START);
		reply.appendContent("world", LATER);
		reply.complete(Usage.of(10, 2), LATER);

		assertThat(reply.content()).isEqualTo("Hello, world");
		assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(reply.usage()).isEqualTo(new Usage(10, 2, 12));
		assertThat(reply.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void failedOrInterruptedReplyKeepsWhatArrived() {
		Message failed = Message.assistantDraft(chatId, "local/echo", START);
		failed.appendContent("Half an ans", START);
		failed.fail(LATER);
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.content()).isEqualTo("Half an ans");

		Message interrupted = Message.assistantDraft(chatId, "local/echo", START);
		interrupted.appendContent("Cut", START);
		interrupted.interrupt(LATER);
		assertThat(interrupted.status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(interrupted.content()).isEqualTo("Cut");
		assertThat(interrupted.usage()).isNull();
	}

	@Test
	void finishedReplyTakesNoMoreContentOrOutcomes() {
		Message reply = Message.assistantDraft(chatId, "local/echo", START);
		reply.complete(Usage.of(1, 1), LATER);

		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.appendContent("more", LATER));
		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.fail(LATER));
		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.interrupt(LATER));
		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.complete(Usage.of(2, 2), LATER));
		assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(reply.usage()).isEqualTo(Usage.of(1, 1));
	}

	@Test
	void onlyFinishedMessagesCanBeEdited() {
		Message reply = Message.assistantDraft(chatId, "local/echo", START);
		assertThatExceptionOfType(MessageStillStreaming.class).isThrownBy(() -> reply.edit("Mine", LATER));

		reply.interrupt(LATER);
		reply.edit("Fixed by hand", LATER);
		assertThat(reply.content()).isEqualTo("Fixed by hand");
	}

	@Test
	void rolesAndStatusesHaveLowerCaseWireNames() {
		assertThat(MessageRole.fromWireName("System")).isEqualTo(MessageRole.SYSTEM);
		assertThat(MessageRole.ASSISTANT.wireName()).isEqualTo("assistant");
		assertThat(MessageStatus.INTERRUPTED.wireName()).isEqualTo("interrupted");
	}
}
