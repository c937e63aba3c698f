package dev.parley.conversations;

/**
 * Changes to a chat: {@code null} leaves a field as it is; a blank title, model or system prompt
 * clears it.
 */
public record ChatChanges(String title, String model, String systemPrompt, Boolean archived, Boolean bookmarked) {
}
