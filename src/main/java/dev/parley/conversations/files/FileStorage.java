package dev.parley.conversations.files;

import java.io.IOException;
import java.io.InputStream;

/** Where the bytes of uploaded files live, by key. */
public interface FileStorage {

	/** Stores the stream under {@code key}, replacing nothing: a key is written once. */
	void write(String key, InputStream content) throws IOException;

	InputStream read(String key) throws IOException;

	/** Removes the bytes; a key that is already gone is not an error. */
	void delete(String key) throws IOException;
}
