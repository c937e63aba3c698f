package dev.parley.agents;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an agent takes new runs. An inactive agent keeps its settings and history. */
public enum AgentStatus {

	ACTIVE, INACTIVE;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static AgentStatus fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
