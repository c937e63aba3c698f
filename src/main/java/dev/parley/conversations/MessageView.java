package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * A message as the API shows it, wherever it is returned (history, completions, streams). The
 * tools an assistant message called ({@code tool_calls}) and the call a tool message answers
 * ({@code tool_call_id}) appear only when present, as does {@code structured}: the parsed JSON answer
 * of a run whose agent has an output schema.
 */
public record MessageView(UUID id, UUID chatId, MessageRole role, String content, MessageStatus status,
		@Nullable String model, @Nullable Usage usage, @Nullable String error, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<ToolCallRecord> toolCalls,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String toolCallId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue @Nullable String structured) {

	public static MessageView from(Message message) {
		return new MessageView(message.id(), message.chatId(), message.role(), message.content(), message.status(),
				message.model(), message.usage(), message.error(), message.createdAt(), message.updatedAt(),
				message.toolCalls(), message.toolCallId(),
				message.structured() == null ? null : message.structured().json());
	}
}
