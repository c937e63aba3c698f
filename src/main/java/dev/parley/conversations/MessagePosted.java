package dev.parley.conversations;

import java.util.UUID;

/**
 * A message was added to a chat (by its user, or as a model's reply that starts streaming).
 * Published in the transaction that stores it, so listeners see it only once it is committed.
 */
public record MessagePosted(UUID chatId, UUID messageId, UUID userId) {
}
