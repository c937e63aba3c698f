package dev.parley.conversations;

import java.util.UUID;

/**
 * A user started a chat. Published in the transaction that stores it, so listeners see it only
 * once it is committed.
 */
public record ChatCreated(UUID chatId, UUID userId) {
}
