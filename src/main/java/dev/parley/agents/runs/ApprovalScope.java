package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far an approval reaches: this call only, the same call (same tool, same arguments) for the rest of the run, or for every run of the agent. */
public enum ApprovalScope {

	ONCE, RUN, ALWAYS;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ApprovalScope fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
