package dev.parley.ai;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A user already has as many generations running as the server allows at once. */
public class TooManyGenerations extends ParleyException {

	public TooManyGenerations(int limit) {
		super(ProblemKind.RATE_LIMITED,
				"You already have " + limit + " replies being generated; wait for one to finish.");
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(Duration.ofSeconds(1));
	}
}
