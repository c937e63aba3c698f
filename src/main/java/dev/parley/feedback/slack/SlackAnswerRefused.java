package dev.parley.feedback.slack;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A button of a feedback request pressed by a Slack user other than the one it was sent to. */
class SlackAnswerRefused extends ParleyException {

	SlackAnswerRefused() {
		super(ProblemKind.FORBIDDEN, "Only the Slack user the request was sent to may answer it.");
	}
}
