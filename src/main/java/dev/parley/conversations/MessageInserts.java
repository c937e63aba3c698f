package dev.parley.conversations;

/** Adds new messages with one plain statement each. */
interface MessageInserts {

	/**
	 * Inserts a message that is not stored yet and returns it as stored (version 0). Every turn
	 * inserts two messages; Spring Data JDBC's generic save cost several times the statement itself
	 * in mapping and SQL rendering (bench/README.md).
	 */
	Message insert(Message message);
}
