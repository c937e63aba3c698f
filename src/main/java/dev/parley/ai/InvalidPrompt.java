package dev.parley.ai;

import java.util.Map;

import dev.parley.platform.InvalidFields;

/** A generation request whose prompt cannot be sent: missing, ambiguous, too large or malformed. */
public class InvalidPrompt extends InvalidFields {

	public InvalidPrompt(Map<String, String> fields) {
		super("The prompt is invalid.", fields);
	}
}
