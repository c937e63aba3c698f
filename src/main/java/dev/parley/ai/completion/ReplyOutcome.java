package dev.parley.ai.completion;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.MessageView;
import dev.parley.platform.ParleyException;
import org.jspecify.annotations.Nullable;

/**
 * How a reply ended: the stored message, and the failure when it did not complete.
 *
 * @param message the reply as stored (completed, failed or interrupted); absent once it was deleted
 * @param failure why it did not complete: a {@link GenerationFailed}, or {@link ReplyGone}
 */
record ReplyOutcome(@Nullable MessageView message, @Nullable ParleyException failure) {

	/** A reply deleted (alone or with its chat) before it ended. */
	static ReplyOutcome gone() {
		return new ReplyOutcome(null, new ReplyGone());
	}

	boolean completed() {
		return failure == null;
	}

	/** Whether it was stopped on request: it is stored interrupted, with what it had received. */
	boolean cancelled() {
		return failure instanceof GenerationFailed failed && failed.reason() == GenerationFailed.Reason.CANCELLED;
	}
}
