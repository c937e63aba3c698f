package dev.parley.conversations;

import java.util.UUID;

/**
 * A chat was deleted by its user, and every message in it (replies still being written included).
 * Published in the transaction that deletes it.
 */
public record ChatDeleted(UUID chatId, UUID userId) {
}
