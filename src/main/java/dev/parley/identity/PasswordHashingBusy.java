package dev.parley.identity;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** Every password-hashing slot stayed busy for too long: the server sheds the request. */
class PasswordHashingBusy extends ParleyException {

	PasswordHashingBusy() {
		super(ProblemKind.UNAVAILABLE, "The server is busy verifying passwords. Try again shortly.");
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(Duration.ofSeconds(1));
	}
}
