package dev.parley.feedback;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No such feedback request for this person (another person's is not found either). */
public class FeedbackRequestNotFound extends ParleyException {

	FeedbackRequestNotFound() {
		super(ProblemKind.NOT_FOUND, "No such feedback request.");
	}
}
