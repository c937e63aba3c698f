package dev.parley.realtime;

import java.util.UUID;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.MessageView;
import dev.parley.platform.ParleyException;
import dev.parley.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * How a reply ended: the stored message, and the failure when it did not complete.
 *
 * @param message the reply as stored (completed, failed or interrupted); absent once it was deleted
 * @param failure why it did not complete: a {@link GenerationFailed}, or {@link ReplyGone}
 */
public record ReplyOutcome(@Nullable MessageView message, @Nullable ParleyException failure) {

	/** A reply deleted (alone or with its chat) before it ended. */
	public static ReplyOutcome gone() {
		return new ReplyOutcome(null, new ReplyGone());
	}

	/** How a stored reply that is no longer streaming ended. */
	static ReplyOutcome of(Message message) {
		GenerationFailed failure = message.status() == MessageStatus.FAILED
				? new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR,
						message.error() == null ? "The reply failed." : message.error())
				: null;
		return new ReplyOutcome(MessageView.from(message), failure);
	}

	/**
	 * The problem a reader is told when the reply failed (with its {@code message_id}), or
	 * {@code null} when it completed or was cancelled.
	 */
	public @Nullable ProblemDetail problem(UUID messageId) {
		if (failure == null || cancelled()) {
			return null;
		}
		ProblemDetail problem = Problems.of(failure.kind(), failure.getMessage());
		problem.setProperty("message_id", messageId);
		return problem;
	}

	public boolean completed() {
		return failure == null;
	}

	/** Whether it was stopped on request: it is stored interrupted, with what it had received. */
	public boolean cancelled() {
		return failure instanceof GenerationFailed failed && failed.reason() == GenerationFailed.Reason.CANCELLED;
	}
}
