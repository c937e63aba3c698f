package dev.parley.conversations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A finished message as a prompt sees it: who said it and what, the tools an assistant message
 * called (empty for none), and for a tool message the call it answers.
 */
public record HistoryMessage(MessageRole role, String content, List<ToolCallRecord> toolCalls,
		@Nullable String toolCallId) {

	public HistoryMessage {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	/** A message without tool calls. */
	public HistoryMessage(MessageRole role, String content) {
		this(role, content, List.of(), null);
	}
}
