package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A login that failed; the same whether the account exists or not. */
class InvalidCredentials extends ParleyException {

	InvalidCredentials() {
		super(ProblemKind.UNAUTHENTICATED, "The email, username or password is wrong.");
	}
}
