package dev.parley.analytics.webhooks;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A webhook endpoint (or delivery) id that names none of the caller's (another user's included). */
class WebhookNotFound extends ParleyException {

	WebhookNotFound(String what) {
		super(ProblemKind.NOT_FOUND, "No such " + what + ".");
	}
}
