package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * No message with this id is in a chat of the caller: it never existed, was deleted (maybe with its
 * chat), or is someone else's.
 */
public class MessageNotFound extends ParleyException {

	MessageNotFound() {
		super(ProblemKind.NOT_FOUND, "No such message.");
	}
}
