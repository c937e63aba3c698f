package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a message: the user, the system prompt of a turn, the model, or a tool it called. */
public enum MessageRole {

	USER, SYSTEM, ASSISTANT, TOOL;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role a client named, in any case. */
	public static MessageRole fromWireName(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT));
	}
}
