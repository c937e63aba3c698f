package dev.parley.feedback;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a request's audit trail.
 * @param channel the channel a delivery or an answer went through
 * @param actorId the person who acted (who answered), when one did
 * @param detail what happened, in a sentence (why a delivery failed, what an answer was)
 */
public record FeedbackEvent(UUID id, UUID requestId, Type type, @Nullable String channel, @Nullable UUID actorId,
		@Nullable String detail, Instant at) {

	public enum Type {

		REQUESTED, DELIVERED, DELIVERY_FAILED, ANSWERED, ANSWER_REFUSED, EXPIRED, TIMED_OUT, ESCALATED, CANCELLED;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
