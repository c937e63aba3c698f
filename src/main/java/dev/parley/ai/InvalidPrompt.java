package dev.parley.ai;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A generation request whose prompt cannot be sent: missing, ambiguous, too large or malformed. */
public class InvalidPrompt extends ParleyException {

	private final Map<String, String> fields;

	public InvalidPrompt(Map<String, String> fields) {
		super(ProblemKind.INVALID_REQUEST, "The prompt is invalid.");
		this.fields = Map.copyOf(fields);
	}

	@Override
	public Map<String, String> invalidFields() {
		return fields;
	}
}
