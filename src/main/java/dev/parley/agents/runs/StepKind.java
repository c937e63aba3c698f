package dev.parley.agents.runs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A step of a run: a call of the model, or a call of a tool. */
public enum StepKind {

	MODEL, TOOL;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static StepKind fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
