package dev.parley.feedback;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An answer came for a request that was answered first, timed out or was cancelled; it was recorded and refused. */
public class FeedbackAlreadyDecided extends ParleyException {

	FeedbackAlreadyDecided(FeedbackStatus status) {
		super(ProblemKind.CONFLICT, "This feedback request is " + status.wireName().replace('_', ' ')
				+ " already; the answer was recorded and refused.");
	}
}
