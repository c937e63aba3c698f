package dev.parley.agents;

import dev.parley.ai.PromptMessage;
import dev.parley.conversations.HistoryMessage;

/** Puts the files a user's message carries into its prompt message. */
@FunctionalInterface
interface AttachedFiles {

	/** Messages keep only their text. */
	AttachedFiles NONE = (message, prompt) -> prompt;

	PromptMessage attach(HistoryMessage message, PromptMessage prompt);
}
