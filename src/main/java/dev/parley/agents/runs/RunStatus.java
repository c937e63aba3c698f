package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run is: running, paused until a person approves a tool call, or ended. */
public enum RunStatus {

	RUNNING, AWAITING_APPROVAL, COMPLETED, FAILED, CANCELLED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static RunStatus fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
