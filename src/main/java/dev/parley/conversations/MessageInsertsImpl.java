package dev.parley.conversations;

import dev.parley.platform.JsonText;
import dev.parley.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@link MessageInserts} fragment of {@link MessageRepository}. */
class MessageInsertsImpl implements MessageInserts {

	private final JdbcClient jdbc;

	MessageInsertsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Message insert(Message message) {
		Usage usage = message.usage();
		JsonText toolCalls = message.toolCallsJson();
		jdbc.sql("""
				insert into messages (id, chat_id, role, content, status, model, prompt_tokens, completion_tokens,
				                      total_tokens, error, tool_calls, tool_call_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 0)
				""")
			.params(message.id(), message.chatId(), message.role().name(), message.content(), message.status().name(),
					message.model(), usage == null ? null : usage.promptTokens(),
					usage == null ? null : usage.completionTokens(), usage == null ? null : usage.totalTokens(),
					message.error(), toolCalls == null ? null : toolCalls.json(), message.toolCallId(),
					Timestamps.sql(message.createdAt()), Timestamps.sql(message.updatedAt()))
			.update();
		return message.stored(0L);
	}
}
