package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Content or an outcome arrived for a reply that is already finished (completed, failed or interrupted). */
class MessageNotStreaming extends ParleyException {

	MessageNotStreaming() {
		super(ProblemKind.CONFLICT, "This message is no longer being written.");
	}
}
