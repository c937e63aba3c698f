package dev.parley.identity;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A password check (a login, a password change) refused: the account or the address had too many recent failures. */
class TooManyLoginAttempts extends ParleyException {

	private final Duration retryAfter;

	TooManyLoginAttempts(Duration retryAfter) {
		super(ProblemKind.RATE_LIMITED, "Too many wrong passwords. Try again later.");
		this.retryAfter = retryAfter;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(retryAfter);
	}
}
