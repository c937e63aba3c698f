package dev.parley.conversations;

import java.util.List;
import java.util.UUID;

import dev.parley.platform.JsonText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history a prompt is made of, read for {@link Replies#promptHistory}: one statement that reads
 * role, content, tool calls and files only, newest first up to the limits, returned oldest first.
 */
final class PromptHistory {

	private final ChatRepository chats;

	private final JdbcClient jdbc;

	PromptHistory(ChatRepository chats, JdbcClient jdbc) {
		this.chats = chats;
		this.jdbc = jdbc;
	}

	/** @throws ChatNotFound when the chat is not this user's */
	List<HistoryMessage> read(UUID chatId, UUID userId, int maxMessages, int maxChars, @Nullable UUID before) {
		List<HistoryMessage> history = jdbc.sql("""
				select role, content, tool_calls, tool_call_id, file_ids from (
				    select m.id, m.role, m.content, m.tool_calls, m.tool_call_id,
				           array(select mf.file_id from message_files mf where mf.message_id = m.id
				                 order by mf.position) as file_ids,
				           sum(char_length(m.content)) over (order by m.id desc) as reach
				    from messages m join chats c on c.id = m.chat_id
				    where m.chat_id = :chatId and c.user_id = :userId
				      and m.status in ('COMPLETED', 'INTERRUPTED') and (m.content <> '' or m.tool_calls is not null)
				      and (cast(:before as uuid) is null or m.id < :before)
				    order by m.id desc
				    limit :maxMessages
				) recent
				where reach - char_length(content) < :maxChars
				order by id
				""")
			.param("chatId", chatId)
			.param("userId", userId)
			.param("maxMessages", maxMessages)
			.param("maxChars", maxChars)
			.param("before", before)
			.query((row, n) -> {
				String toolCalls = row.getString(3);
				UUID[] files = (UUID[]) row.getArray(5).getArray();
				return new HistoryMessage(MessageRole.valueOf(row.getString(1)), row.getString(2),
						toolCalls == null ? List.of() : Message.parseToolCalls(new JsonText(toolCalls)), row.getString(4),
						List.of(files));
			})
			.list();
		if (history.isEmpty() && !chats.existsOwned(chatId, userId)) {
			throw new ChatNotFound();
		}
		return history;
	}
}
