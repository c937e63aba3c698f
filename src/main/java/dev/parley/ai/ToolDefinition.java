package dev.parley.ai;

import java.util.Objects;

/**
 * A tool a model may call.
 *
 * @param name the name the model calls it by (letters, digits, {@code _} and {@code -})
 * @param description what it does, for the model
 * @param parametersSchema the JSON Schema of its arguments, as JSON text (an {@code object} schema)
 */
public record ToolDefinition(String name, String description, String parametersSchema) {

	public ToolDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(parametersSchema, "parametersSchema");
	}
}
