package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A refresh token presented after its rotation: treated as theft (RFC 9700 4.14.2). */
class RefreshTokenReused extends ParleyException {

	RefreshTokenReused() {
		super(ProblemKind.UNAUTHENTICATED, "The refresh token was already used; every session of its family is now revoked.");
	}
}
