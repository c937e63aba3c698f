package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

/** A message as the API shows it, wherever it is returned (history, completions, streams). */
public record MessageView(UUID id, UUID chatId, MessageRole role, String content, MessageStatus status, String model,
		Usage usage, String error, Instant createdAt, Instant updatedAt) {

	public static MessageView from(Message message) {
		return new MessageView(message.id(), message.chatId(), message.role(), message.content(), message.status(),
				message.model(), message.usage(), message.error(), message.createdAt(), message.updatedAt());
	}
}
