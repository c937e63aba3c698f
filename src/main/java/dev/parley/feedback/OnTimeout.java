package dev.parley.feedback;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happens when nobody answered a request by its deadline: keep waiting (still answerable),
 * deny or approve (the request times out, and whoever asked goes on as if denied or approved — a
 * timeout, never recorded as a person's decision), or halt (the asking run ends).
 */
public enum OnTimeout {

	WAIT, DENY, APPROVE, HALT;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
