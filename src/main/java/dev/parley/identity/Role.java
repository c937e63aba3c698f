package dev.parley.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user may do: every user owns their data; an admin may also see the server's. */
public enum Role {

	USER, ADMIN;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
