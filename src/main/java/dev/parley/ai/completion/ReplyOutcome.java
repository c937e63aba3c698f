package dev.parley.ai.completion;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.MessageView;

/**
 * How a reply ended: the stored message, and the failure when it did not complete.
 *
 * @param message the reply as stored (completed, failed or interrupted)
 * @param failure why it did not complete, or {@code null}
 */
record ReplyOutcome(MessageView message, GenerationFailed failure) {

	boolean completed() {
		return failure == null;
	}
}
