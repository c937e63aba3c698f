package dev.parley.feedback.slack;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A callback without a valid Slack signature, or signed more than five minutes from now. */
class SlackRequestNotVerified extends ParleyException {

	SlackRequestNotVerified() {
		super(ProblemKind.UNAUTHENTICATED, "The request is not signed by Slack, or its timestamp is not within five minutes.");
	}
}
