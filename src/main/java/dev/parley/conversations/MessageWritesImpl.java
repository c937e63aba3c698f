package dev.parley.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.JsonText;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@link MessageWrites} fragment of {@link MessageRepository}. */
class MessageWritesImpl implements MessageWrites {

	private final JdbcClient jdbc;

	MessageWritesImpl(JdbcClient jdbc) {
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

	@Override
	public Optional<Message> lockStreaming(UUID id) {
		return jdbc.sql("""
				select id, chat_id, role, content, status, model, prompt_tokens, completion_tokens, total_tokens, error,
				       tool_calls, tool_call_id, event_index, structured, created_at, updated_at, version
				from messages where id = ? and status = 'STREAMING' for update
				""")
			.params(id)
			.query(MessageWritesImpl::message)
			.optional();
	}

	@Override
	public Message update(Message message) {
		Usage usage = message.usage();
		JsonText index = message.eventIndex();
		long version = java.util.Objects.requireNonNull(message.version(), "an unsaved message cannot be updated");
		int updated = jdbc.sql("""
				update messages set content = ?, status = ?, model = ?, prompt_tokens = ?, completion_tokens = ?,
				       total_tokens = ?, error = ?, event_index = cast(? as jsonb), updated_at = ?, version = version + 1
				where id = ? and version = ?
				""")
			.params(message.content(), message.status().name(), message.model(),
					usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens(),
					usage == null ? null : usage.totalTokens(), message.error(), index == null ? null : index.json(),
					Timestamps.sql(message.updatedAt()), message.id(), version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Message " + message.id() + " changed meanwhile");
		}
		return message.stored(version + 1);
	}

	private static Message message(ResultSet row, int rowNumber) throws SQLException {
		Integer promptTokens = row.getObject("prompt_tokens", Integer.class);
		Usage usage = promptTokens == null ? null
				: new Usage(promptTokens, row.getInt("completion_tokens"), row.getInt("total_tokens"));
		Message message = new Message(row.getObject("id", UUID.class), row.getObject("chat_id", UUID.class),
				MessageRole.valueOf(row.getString("role")), row.getString("content"),
				MessageStatus.valueOf(row.getString("status")), row.getString("model"), usage, row.getString("error"),
				json(row, "tool_calls"), row.getString("tool_call_id"), json(row, "event_index"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
		message.structured(json(row, "structured"));
		return message;
	}

	private static @Nullable JsonText json(ResultSet row, String column) throws SQLException {
		String value = row.getString(column);
		return value == null ? null : new JsonText(value);
	}
}
