package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a run ended: it answered, or a limit, a cancellation, an error, an answer that broke its schema
 * or a feedback request nobody answered in time stopped it.
 */
public enum StopReason {

	ANSWERED, MAX_STEPS, TOOL_CALL_CAP, TIME_BUDGET, TOKEN_BUDGET, CANCELLED, ERROR, INVALID_OUTPUT,

	/** Nobody answered a person's feedback request the run waited on, and its request said to halt then. */
	FEEDBACK_TIMEOUT;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static StopReason fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
