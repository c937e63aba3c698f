package dev.parley.conversations;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A finished message as a prompt sees it: who said it and what, the tools an assistant message
 * called (empty for none), for a tool message the call it answers, and the files a user's message
 * carries (ids of {@link UserFiles}, in the order they were attached).
 */
public record HistoryMessage(MessageRole role, String content, List<ToolCallRecord> toolCalls,
		@Nullable String toolCallId, List<UUID> fileIds) {

	public HistoryMessage {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
		fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
	}

	/** A message without files. */
	public HistoryMessage(MessageRole role, String content, List<ToolCallRecord> toolCalls,
			@Nullable String toolCallId) {
		this(role, content, toolCalls, toolCallId, List.of());
	}

	/** A message without tool calls. */
	public HistoryMessage(MessageRole role, String content) {
		this(role, content, List.of(), null);
	}
}
