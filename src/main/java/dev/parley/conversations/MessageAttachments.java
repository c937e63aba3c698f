package dev.parley.conversations;

import java.util.List;
import java.util.UUID;

import dev.parley.platform.InvalidFields;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The files a user's message carries: the user's own files, in the order the message names them. */
final class MessageAttachments {

	private final JdbcClient jdbc;

	MessageAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Attaches {@code fileIds} (duplicates once, at their first place) to the message.
	 * @throws InvalidFields naming {@code file_ids} when one is not a file of this user's
	 */
	void attach(UUID messageId, UUID userId, List<UUID> fileIds) {
		if (fileIds.isEmpty()) {
			return;
		}
		List<UUID> distinct = fileIds.stream().distinct().toList();
		int attached = jdbc.sql("""
				insert into message_files (message_id, file_id, position)
				select :messageId, f.id, array_position(cast(:ids as uuid[]), f.id)
				from files f where f.id = any(cast(:ids as uuid[])) and f.user_id = :userId""")
			.param("messageId", messageId)
			.param("ids", distinct.toArray(UUID[]::new))
			.param("userId", userId)
			.update();
		if (attached != distinct.size()) {
			throw InvalidFields.of("file_ids", "names a file that is not one of yours");
		}
	}
}
