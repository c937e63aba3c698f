package dev.parley.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What one module holds about a person, for the right of access (an export of everything a user
 * owns) and the right to erasure (deleting an account). Each module that keeps personal data
 * declares a bean of this type over its own tables; the export and the erasure call every one of
 * them, so none reads another module's tables.
 */
public interface PersonalData {

	/**
	 * Writes the subject's data: rows as JSON objects, one per line, in named sections, and files.
	 * Secrets (password hashes, key material, sealed secrets) are never part of it.
	 */
	void export(Subject subject, ExportSink sink) throws IOException;

	/**
	 * Removes or anonymises what deleting the user's row does not (rows keyed by email, bytes outside
	 * the database, aggregates to keep). Runs in the erasure's transaction, before the row goes.
	 */
	default void erase(Subject subject) {
	}

	/** Whose data. */
	record Subject(UUID userId, String email) {
	}

	/** Where an export goes. */
	interface ExportSink {

		/** Adds {@code section}.jsonl with these JSON objects, one per line. */
		void jsonLines(String section, Stream<String> objects) throws IOException;

		/** Adds a file at {@code path} (under {@code files/}). */
		void file(String path, InputStream content) throws IOException;
	}
}
