package dev.parley.conversations.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * Where the bytes of uploaded files live, by key: a directory ({@link DiskFileStorage}) or an
 * S3-compatible bucket ({@link S3FileStorage}), one of them, chosen by configuration. Every failure
 * is an {@link IOException}: a key the store does not have is a {@link NoSuchFileException}, any
 * other one means the store could not be used.
 */
public interface FileStorage {

	/**
	 * Stores the stream under {@code key}, replacing nothing: a key is written once, whole or not at
	 * all.
	 * @param length how many bytes the stream holds
	 */
	void write(String key, InputStream content, long length) throws IOException;

	/** The bytes under {@code key}, streamed; the caller closes the stream. */
	InputStream read(String key) throws IOException;

	/** Removes the bytes; a key that is already gone is not an error. */
	void delete(String key) throws IOException;

	/** Fails when the store cannot be used now: what the {@code files} health component reports. */
	void check() throws IOException;
}
