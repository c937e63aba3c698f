package dev.parley.conversations;

/** A finished message as a prompt sees it: who said it and what. */
public record HistoryMessage(MessageRole role, String content) {
}
