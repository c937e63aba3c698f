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

		reply.complete("Hello, world", "openai/gpt-4o-mini", Usage.of(10, 2), LATER);

		assertThat(reply.content()).isEqualTo("Hello, world");
		assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(reply.model()).isEqualTo("openai/gpt-4o-mini");
		assertThat(reply.usage()).isEqualTo(new Usage(10, 2, 12));
		assertThat(reply.error()).isNull();
		assertThat(reply.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void failedOrInterruptedReplyKeepsWhatArrived() {
		Message failed = Message.assistantDraft(chatId, "local/echo", START);
		failed.fail("Half an ans", "The provider failed to answer.", LATER);
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(failed.content()).isEqualTo("Half an ans");
		assertThat(failed.error()).isEqualTo("The provider failed to answer.");

		Message interrupted = Message.assistantDraft(chatId, "local/echo", START);
		interrupted.interrupt("Cut", LATER);
		assertThat(interrupted.status()).isEqualTo(MessageStatus.INTERRUPTED);
		assertThat(interrupted.content()).isEqualTo("Cut");
		assertThat(interrupted.usage()).isNull();
	}

	@Test
	void finishedReplyTakesNoMoreContentOrOutcomes() {
		Message reply = Message.assistantDraft(chatId, "local/echo", START);
		reply.complete("Done", "local/echo", Usage.of(1, 1), LATER);

		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.fail("x", "why", LATER));
		assertThatExceptionOfType(MessageNotStreaming.class).isThrownBy(() -> reply.interrupt("x", LATER));
		assertThatExceptionOfType(MessageNotStreaming.class)
			.isThrownBy(() -> reply.complete("x", "local/echo", Usage.of(2, 2), LATER));
		assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(reply.content()).isEqualTo("Done");
		assertThat(reply.usage()).isEqualTo(Usage.of(1, 1));
	}

	@Test
	void onlyFinishedMessagesCanBeEdited() {
		Message reply = Message.assistantDraft(chatId, "local/echo", START);
		assertThatExceptionOfType(MessageStillStreaming.class).isThrownBy(() -> reply.edit("Mine", LATER));

		reply.interrupt("", LATER);
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
