package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An edit of a reply the model is still writing; it can be edited once it is finished. */
class MessageStillStreaming extends ParleyException {

	MessageStillStreaming() {
		super(ProblemKind.CONFLICT, "This message is still being written; edit it once it is finished.");
	}
}
