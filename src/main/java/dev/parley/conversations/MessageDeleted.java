package dev.parley.conversations;

import java.util.UUID;

/**
 * A message was deleted from a chat by its user (a reply maybe while it was still being written).
 * Published in the transaction that deletes it.
 */
public record MessageDeleted(UUID chatId, UUID messageId, UUID userId) {
}
