package dev.parley.agents;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an agent does when its model calls a tool: run it, ask a person first, or refuse it. */
public enum ToolPolicy {

	ALLOW, ASK, DENY;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The policy a client named ({@code allow}, {@code ask}, {@code deny}), in any case. */
	static ToolPolicy fromWireName(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}
}
