package dev.parley.ai;

import java.util.Objects;

/**
 * A model's request to call a tool, assembled from however the provider streamed it.
 *
 * @param id the provider's id for the call, which the tool's result must name
 * @param name the tool the model asks for
 * @param arguments the arguments as the model wrote them: JSON text, which may be malformed; it
 *     is checked against the tool's schema before anything runs
 */
public record ToolCall(String id, String name, String arguments) {

	public ToolCall {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
	}
}
