package dev.parley.ai;

import java.util.Map;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A model id that is malformed or names a provider this server has not enabled. */
public class UnknownModel extends ParleyException {

	public UnknownModel(String id) {
		super(ProblemKind.INVALID_REQUEST, id == null ? "No model was given and no default is configured."
				: "Unknown model '" + id + "': use provider/model with an enabled provider (see /api/v1/ai/models).");
	}

	@Override
	public Map<String, String> invalidFields() {
		return Map.of("model", getMessage());
	}
}
