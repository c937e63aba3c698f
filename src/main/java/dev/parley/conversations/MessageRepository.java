package dev.parley.conversations;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Messages, always looked up through the chat that proves who owns them. */
interface MessageRepository extends Repository<Message, UUID>, MessageWrites {

	Message save(Message message);

	Optional<Message> findById(UUID id);

	@Query("""
			select m.* from messages m join chats c on c.id = m.chat_id
			where m.id = :id and c.user_id = :userId
			""")
	Optional<Message> findOwned(UUID id, UUID userId);

	/**
	 * The chat of a message of this owner, locking that chat (not the message) so that deleting a
	 * message takes its locks in the same order as posting one and as deleting a chat.
	 */
	@Query("""
			select c.id from messages m join chats c on c.id = m.chat_id
			where m.id = :id and c.user_id = :userId
			for update of c
			""")
	Optional<UUID> lockChatOfOwned(UUID id, UUID userId);

	@Modifying
	@Query("delete from messages where id = :id")
	boolean delete(UUID id);
}
