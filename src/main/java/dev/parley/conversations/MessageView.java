package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A message as the API shows it, wherever it is returned (history, completions, streams). The
 * tools an assistant message called ({@code tool_calls}) and the call a tool message answers
 * ({@code tool_call_id}) appear only when present.
 */
public record MessageView(UUID id, UUID chatId, MessageRole role, String content, MessageStatus status,
		@Nullable String model, @Nullable Usage usage, @Nullable String error, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<ToolCallRecord> toolCalls,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String toolCallId) {

	public static MessageView from(Message message) {
		return new MessageView(message.id(), message.chatId(), message.role(), message.content(), message.status(),
				message.model(), message.usage(), message.error(), message.createdAt(), message.updatedAt(),
				message.toolCalls(), message.toolCallId());
	}
}
