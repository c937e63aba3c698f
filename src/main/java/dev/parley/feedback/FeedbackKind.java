package dev.parley.feedback;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a request asks: a question (free text or one of its options), or approve/deny a tool call. */
public enum FeedbackKind {

	QUESTION, APPROVAL;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
