package dev.parley.conversations;

import java.util.Optional;
import java.util.UUID;

/**
 * The writes every turn makes, each one plain statement: Spring Data JDBC's generic save and
 * entity mapping cost several times the statement itself in mapping and SQL rendering
 * (bench/README.md, "Chat-turn CPU").
 */
interface MessageWrites {

	/** Inserts a message that is not stored yet and returns it as stored (version 0). */
	Message insert(Message message);

	/**
	 * A reply still being written, locked until the transaction ends, so that it cannot be deleted
	 * between being read and being saved.
	 */
	Optional<Message> lockStreaming(UUID id);

	/**
	 * Stores how a message read at its version changed (status, text, model, usage, error, event
	 * index) and returns it at the next version.
	 * @throws org.springframework.dao.OptimisticLockingFailureException when it changed meanwhile
	 */
	Message update(Message message);
}
