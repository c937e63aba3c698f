package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a step is. A tool step left running by a crash becomes interrupted and is never run again silently. */
public enum StepStatus {

	RUNNING, COMPLETED, FAILED, AWAITING_APPROVAL, DENIED, INTERRUPTED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static StepStatus fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
