package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a person decided on a tool call. */
public enum ApprovalDecision {

	APPROVE, DENY;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ApprovalDecision fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
