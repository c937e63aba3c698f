package dev.parley.feedback;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to put to a person.
 *
 * @param options the answers offered; empty for a free-text answer
 * @param channels where to deliver it: {@code in_app}, {@code email}, {@code slack}
 * @param timeout how long it waits for an answer; {@code null} for the default ({@code parley.feedback.default-timeout})
 * @param escalation where to deliver it again when nobody answered for a while, or {@code null}
 * @param requesterUserId the user who asked (by API), or {@code null} for an agent's run
 * @param runId the run that asked, or {@code null}
 * @param stepId the run's step that waits for the answer, or {@code null}
 */
public record NewFeedbackRequest(UUID recipientId, FeedbackKind kind, String question, List<String> options,
		@Nullable String context, List<String> channels, @Nullable Duration timeout, OnTimeout onTimeout,
		@Nullable Escalation escalation, @Nullable UUID requesterUserId, @Nullable UUID runId, @Nullable UUID stepId) {

	public NewFeedbackRequest {
		options = List.copyOf(options);
		channels = List.copyOf(channels);
	}

	/**
	 * Delivering again after {@code after}, on {@code channels} (the request's own when empty), to
	 * {@code userId} (who may then answer too) or, when {@code null}, to the recipient.
	 */
	public record Escalation(Duration after, List<String> channels, @Nullable UUID userId) {

		public Escalation {
			channels = List.copyOf(channels);
		}
	}
}
