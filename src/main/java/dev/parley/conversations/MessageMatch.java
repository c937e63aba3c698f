package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place in a user's chats where a full-text search matched: a message, or a chat's title.
 *
 * @param chatId the chat
 * @param chatTitle its title, {@code null} when it has none
 * @param messageId the message that matched, {@code null} when the title did
 * @param role who wrote the message, {@code null} when the title matched
 * @param createdAt when the message was written (or the chat started)
 * @param snippet the matching words in their context, marked with «guillemets»
 */
public record MessageMatch(UUID chatId, @Nullable String chatTitle, @Nullable UUID messageId,
		@Nullable MessageRole role, Instant createdAt, String snippet) {
}
