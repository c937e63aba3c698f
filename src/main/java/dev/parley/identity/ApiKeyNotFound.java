package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An API key id that names none of the caller's keys (another user's key included). */
class ApiKeyNotFound extends ParleyException {

	ApiKeyNotFound() {
		super(ProblemKind.NOT_FOUND, "No such API key.");
	}
}
