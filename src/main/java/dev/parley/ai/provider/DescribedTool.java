package dev.parley.ai.provider;

import java.util.List;

import dev.parley.ai.ToolDefinition;
import org.springframework.ai.tool.ToolCallback;

/**
 * A tool as Spring AI's chat models see it: a definition to send to the provider, and nothing to
 * run. Parley runs tools itself, in its own loop; Spring AI 2.0's {@code ChatModel.call/stream}
 * never executes a callback, and should anything ever try, this one refuses rather than act.
 */
final class DescribedTool implements ToolCallback {

	private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

	private final org.springframework.ai.tool.definition.ToolDefinition definition;

	private DescribedTool(ToolDefinition tool) {
		// Spring AI wants all three non-blank; a tool without description is described by its name.
		this.definition = org.springframework.ai.tool.definition.ToolDefinition.builder()
			.name(tool.name())
			.description(tool.description().isBlank() ? tool.name() : tool.description())
			.inputSchema(tool.parametersSchema().isBlank() ? EMPTY_SCHEMA : tool.parametersSchema())
			.build();
	}

	static List<ToolCallback> all(List<ToolDefinition> tools) {
		return tools.stream().<ToolCallback>map(DescribedTool::new).toList();
	}

	@Override
	public org.springframework.ai.tool.definition.ToolDefinition getToolDefinition() {
		return definition;
	}

	@Override
	public String call(String toolInput) {
		throw new IllegalStateException("Tool '" + definition.name() + "' is run by Parley, not by Spring AI.");
	}
}
