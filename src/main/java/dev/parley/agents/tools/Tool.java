package dev.parley.agents.tools;

import dev.parley.ai.ToolDefinition;

/**
 * Something a model may call during a run. A tool runs as the calling user and sees only that
 * user's data. Its arguments have been checked against {@link #definition()}'s schema before
 * {@link #execute} is called; a tool that fails answers with {@link ToolResult#failed}, which goes
 * back to the model as the call's result, rather than throwing.
 */
public interface Tool {

	/** The name, description and argument schema the model sees. */
	ToolDefinition definition();

	/** What the tool may do, which sets its default approval policy. */
	default ToolHints hints() {
		return ToolHints.READ_ONLY;
	}

	ToolResult execute(ToolInvocation invocation);

	default String name() {
		return definition().name();
	}
}
