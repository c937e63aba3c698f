package dev.parley.realtime;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A reply, or its chat, was deleted while it was being written: there is nothing left to follow. */
class ReplyGone extends ParleyException {

	ReplyGone() {
		super(ProblemKind.GONE, "This reply was deleted while it was being written.");
	}
}
