package dev.parley.catalog.newsletter;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A subscription request refused: the client address or the email made too many recently. */
class TooManySubscribeRequests extends ParleyException {

	private final Duration retryAfter;

	TooManySubscribeRequests(Duration retryAfter) {
		super(ProblemKind.RATE_LIMITED, "Too many subscription requests. Try again later.");
		this.retryAfter = retryAfter;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(retryAfter);
	}
}
