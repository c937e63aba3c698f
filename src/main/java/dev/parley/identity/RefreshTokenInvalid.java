package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A refresh token that is unknown, expired, already rotated or revoked. */
class RefreshTokenInvalid extends ParleyException {

	RefreshTokenInvalid() {
		super(ProblemKind.UNAUTHENTICATED, "The refresh token is invalid, expired or revoked.");
	}
}
