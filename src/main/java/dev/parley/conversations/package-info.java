/**
 * Chats and their messages: a user's conversations (title, model, system prompt, archived,
 * bookmarked), their history in the order it was written, and full-text search over both. Other
 * modules use {@link dev.parley.conversations.Chats}; every operation is scoped to the user who owns
 * the chat, and another user's chat or message is reported exactly like one that does not exist.
 */
@ApplicationModule(displayName = "Conversations", allowedDependencies = { "identity", "platform" })
@NullMarked
package dev.parley.conversations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
