package dev.parley.agents.tools;

/**
 * A tool whose answer comes from a person, later: its call puts the question (a feedback request)
 * and pauses the run durably until the answer — or the request's deadline — ends the step.
 * {@link #execute} is only for calls outside a run, which cannot wait.
 */
public interface PausingTool extends Tool {

	/** The built-in pausing tool: it asks the run's user (or others) a question. */
	String ASK_HUMAN = "ask_human";

	/**
	 * Puts the call to a person; the step stays waiting until their answer ends it.
	 * @param invocation a call within a run (its run and step are set), arguments already checked
	 * @return {@code null} when the question is out, or a failed result when it could not be put
	 */
	@org.jspecify.annotations.Nullable ToolResult ask(ToolInvocation invocation);
}
