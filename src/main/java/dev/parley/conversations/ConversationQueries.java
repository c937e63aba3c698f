package dev.parley.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.JsonText;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The list reads: a user's chats (filtered, searched, newest activity first) and a chat's messages
 * (oldest first), each a keyset page of {@code limit + 1} rows so the caller knows whether more follow.
 */
@Repository
class ConversationQueries {

	/** The columns {@link #chat} reads, in this order. */
	private static final String CHAT_COLUMNS = """
			c.id, c.user_id, c.title, c.model, c.system_prompt, c.archived, c.bookmarked, c.agent_id, c.project_id, c.message_count,
			c.last_message_at, c.created_at, c.updated_at, c.version""";

	/** A chat matches a search when its title or any of its messages does. */
	private static final String SEARCH = """
			 and (c.title_search @@ websearch_to_tsquery('english', :query)
			or exists (select 1 from messages m where m.chat_id = c.id
			and m.content_search @@ websearch_to_tsquery('english', :query)))""";

	private final JdbcClient jdbc;

	ConversationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A chat of this user. Read here rather than by a derived repository query: {@code Chats.get} by
	 * Spring Data's query method and entity mapping was 3.4 % of streamed chat turns' CPU samples, by
	 * this read too few to show (bench/README.md, "Streamed chat turns' CPU").
	 */
	Optional<Chat> chat(UUID id, UUID userId) {
		return jdbc.sql("select " + CHAT_COLUMNS + " from chats c where c.id = ? and c.user_id = ?")
			.params(id, userId)
			.query(ConversationQueries::chat)
			.optional();
	}

	List<Chat> chats(UUID userId, ChatFilter filter, @Nullable Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("select ").append(CHAT_COLUMNS)
			.append(" from chats c where c.user_id = :userId and c.archived = :archived");
		if (filter.bookmarked() != null) {
			sql.append(" and c.bookmarked = :bookmarked");
		}
		if (filter.projectId() != null) {
			sql.append(" and c.project_id = :projectId");
		}
		if (filter.searches()) {
			sql.append(SEARCH);
		}
		if (after != null) {
			sql.append(" and (c.activity_at, c.id) < (:afterAt, :afterId)");
		}
		sql.append(" order by c.activity_at desc, c.id desc limit :rows");
		JdbcClient.StatementSpec query = jdbc.sql(sql.toString())
			.param("userId", userId)
			.param("archived", filter.archived())
			.param("rows", limit + 1);
		if (filter.bookmarked() != null) {
			query = query.param("bookmarked", filter.bookmarked());
		}
		if (filter.projectId() != null) {
			query = query.param("projectId", filter.projectId());
		}
		if (filter.searches()) {
			query = query.param("query", filter.query());
		}
		if (after != null) {
			query = query.param("afterAt", Timestamps.sql(after.at())).param("afterId", after.id());
		}
		return query.query(ConversationQueries::chat).list();
	}

	List<Message> messages(UUID chatId, @Nullable Cursor after, int limit) {
		String sql = """
				select m.id, m.chat_id, m.role, m.content, m.status, m.model, m.prompt_tokens, m.completion_tokens,
				m.total_tokens, m.error, m.tool_calls, m.tool_call_id, m.structured, m.created_at, m.updated_at, m.version
				from messages m where m.chat_id = :chatId %s order by m.id limit :rows
				""".formatted(after == null ? "" : "and m.id > :afterId");
		JdbcClient.StatementSpec query = jdbc.sql(sql).param("chatId", chatId).param("rows", limit + 1);
		if (after != null) {
			query = query.param("afterId", after.id());
		}
		return query.query(ConversationQueries::message).list();
	}

	/**
	 * Matches in message text and titles of the user's chats, best rank first, newest among equals;
	 * the snippets (ts_headline reads the whole text) only for the rows kept.
	 */
	List<MessageMatch> search(UUID userId, String query, int limit) {
		String sql = """
				with q as (select websearch_to_tsquery('english', :query) as query),
				found as (
				  select * from (
				    select c.id as chat_id, c.title, m.id as message_id, m.role, m.created_at,
				           ts_rank(m.content_search, q.query) as rank, m.content as text
				    from messages m join chats c on c.id = m.chat_id, q
				    where c.user_id = :userId and m.content_search @@ q.query
				    union all
				    select c.id, c.title, null, null, c.created_at, ts_rank(c.title_search, q.query), c.title
				    from chats c, q
				    where c.user_id = :userId and c.title_search @@ q.query
				  ) matches
				  order by rank desc, created_at desc
				  limit :limit
				)
				select found.chat_id, found.title, found.message_id, found.role, found.created_at,
				       ts_headline('english', left(found.text, 20000), q.query,
				         'StartSel=«, StopSel=», MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') as snippet
				from found, q
				order by found.rank desc, found.created_at desc
				""";
		return jdbc.sql(sql)
			.param("userId", userId)
			.param("query", query)
			.param("limit", limit)
			.query((row, number) -> {
				String role = row.getString("role");
				return new MessageMatch(row.getObject("chat_id", UUID.class), row.getString("title"),
						row.getObject("message_id", UUID.class), role == null ? null : MessageRole.valueOf(role),
						instant(row, "created_at"), row.getString("snippet"));
			})
			.list();
	}

	/**
	 * A row of {@link #CHAT_COLUMNS}, read by position: the driver's lookup by name (a lower-cased
	 * hash map per row and column) was 1.5 % of a chat list's CPU (bench/README.md).
	 */
	private static Chat chat(ResultSet row, int rowNumber) throws SQLException {
		return new Chat(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
				row.getString(5), row.getBoolean(6), row.getBoolean(7), row.getObject(8, UUID.class),
				row.getObject(9, UUID.class), row.getInt(10), instant(row, 11), instant(row, 12), instant(row, 13),
				row.getLong(14));
	}

	private static Message message(ResultSet row, int rowNumber) throws SQLException {
		Integer promptTokens = row.getObject("prompt_tokens", Integer.class);
		Usage usage = promptTokens == null ? null
				: new Usage(promptTokens, row.getInt("completion_tokens"), row.getInt("total_tokens"));
		Message message = new Message(row.getObject("id", UUID.class), row.getObject("chat_id", UUID.class),
				MessageRole.valueOf(row.getString("role")), row.getString("content"),
				MessageStatus.valueOf(row.getString("status")), row.getString("model"), usage,
				row.getString("error"), json(row, "tool_calls"), row.getString("tool_call_id"), null,
				instant(row, "created_at"), instant(row, "updated_at"), row.getLong("version"));
		message.structured(json(row, "structured"));
		return message;
	}

	private static @Nullable JsonText json(ResultSet row, String column) throws SQLException {
		String value = row.getString(column);
		return value == null ? null : new JsonText(value);
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
