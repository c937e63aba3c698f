package dev.parley.platform.flags;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A flag key that is neither built in nor stored. */
class FlagNotFound extends ParleyException {

	FlagNotFound(String key) {
		super(ProblemKind.NOT_FOUND, "No flag is called " + key + ".");
	}
}
