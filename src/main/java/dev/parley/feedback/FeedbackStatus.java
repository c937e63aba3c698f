package dev.parley.feedback;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a request is: waiting for its answer, answered, timed out, or cancelled (its run went on without it). */
public enum FeedbackStatus {

	PENDING, ANSWERED, TIMED_OUT, CANCELLED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
