package dev.parley.catalog.recommendation;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No swipe session with this id belongs to the caller: it never existed, or it is someone else's. */
class SwipeSessionNotFound extends ParleyException {

	SwipeSessionNotFound() {
		super(ProblemKind.NOT_FOUND, "No such swipe session.");
	}
}
