package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No chat with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
public class ChatNotFound extends ParleyException {

	ChatNotFound() {
		super(ProblemKind.NOT_FOUND, "No such chat.");
	}
}
