package dev.parley.ai;

import java.util.Map;

import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;

/** A model id that is malformed or names a provider this server has not enabled. */
public class UnknownModel extends InvalidFields {

	public UnknownModel(@Nullable String id) {
		super(message(id), Map.of("model", message(id)));
	}

	private static String message(@Nullable String id) {
		return id == null ? "No model was given and no default is configured."
				: "Unknown model '" + id + "': use provider/model with an enabled provider (see /api/v1/ai/models).";
	}
}
