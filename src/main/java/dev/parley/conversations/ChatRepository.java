package dev.parley.conversations;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Chats, always looked up by id and owner together. The message count and last message time are
 * kept here in single statements, so concurrent posts never lose a count.
 */
interface ChatRepository extends Repository<Chat, UUID> {

	Chat save(Chat chat);

	@Query("select exists (select 1 from chats where id = :id and user_id = :userId)")
	boolean existsOwned(UUID id, UUID userId);

	/** Deletes a chat of this owner, its messages with it (on delete cascade); false when there was none. */
	@Modifying
	@Query("delete from chats where id = :id and user_id = :userId")
	boolean deleteOwned(UUID id, UUID userId);

	/**
	 * Counts a new message in a chat of this owner and locks the chat until the transaction ends;
	 * false when the owner has no such chat.
	 */
	@Modifying
	@Query("""
			update chats set message_count = message_count + 1,
				last_message_at = greatest(last_message_at, :at), updated_at = greatest(updated_at, :at)
			where id = :id and user_id = :userId
			""")
	boolean countMessageAdded(UUID id, UUID userId, OffsetDateTime at);

	/** As {@link #countMessageAdded}, for several messages added at once (a turn's message and its reply's draft). */
	@Modifying
	@Query("""
			update chats set message_count = message_count + :count,
				last_message_at = greatest(last_message_at, :at), updated_at = greatest(updated_at, :at)
			where id = :id and user_id = :userId
			""")
	boolean countMessagesAdded(UUID id, UUID userId, int count, OffsetDateTime at);

	/** Uncounts a deleted message; the last message time becomes that of the newest one left. */
	@Modifying
	@Query("""
			update chats set message_count = greatest(message_count - 1, 0),
				last_message_at = (select max(created_at) from messages where chat_id = :id),
				updated_at = greatest(updated_at, :at)
			where id = :id
			""")
	void countMessageRemoved(UUID id, OffsetDateTime at);
}
