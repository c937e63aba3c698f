package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No integration with this id belongs to the caller: it never existed, was deleted, or is someone else's. */
class IntegrationNotFound extends ParleyException {

	IntegrationNotFound() {
		super(ProblemKind.NOT_FOUND, "No such integration.");
	}
}
