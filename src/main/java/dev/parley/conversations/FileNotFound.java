package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A file id that names none of the caller's files (another user's included). */
public class FileNotFound extends ParleyException {

	FileNotFound() {
		super(ProblemKind.NOT_FOUND, "No such file.");
	}
}
