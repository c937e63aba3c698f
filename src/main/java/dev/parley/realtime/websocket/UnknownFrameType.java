package dev.parley.realtime.websocket;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A client frame of a type the socket does not know. */
final class UnknownFrameType extends ParleyException {

	UnknownFrameType(String type) {
		super(ProblemKind.INVALID_REQUEST, "Unknown frame type \"" + type
				+ "\": expected session.start, subscribe, chat.send, chat.cancel, approval.answer, feedback.answer or ping.");
	}
}
