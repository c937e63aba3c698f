package dev.parley.agents.tools;

/**
 * What a tool answered.
 *
 * @param ok whether it did what was asked
 * @param content what goes back to the model (text, often JSON)
 * @param summary a short line for the run's ledger and the {@code tool_result} event
 */
public record ToolResult(boolean ok, String content, String summary) {

	private static final int SUMMARY_CHARS = 200;

	public static ToolResult ok(String content) {
		return new ToolResult(true, content, summarise(content));
	}

	public static ToolResult failed(String reason) {
		return new ToolResult(false, "Error: " + reason, summarise(reason));
	}

	static String summarise(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= SUMMARY_CHARS ? line : line.substring(0, SUMMARY_CHARS - 1) + "…";
	}
}
