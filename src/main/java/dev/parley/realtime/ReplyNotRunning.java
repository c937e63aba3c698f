package dev.parley.realtime;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A cancel for a reply that has already ended (or a message that is no reply). */
class ReplyNotRunning extends ParleyException {

	ReplyNotRunning() {
		super(ProblemKind.CONFLICT, "This message is not being generated.");
	}
}
