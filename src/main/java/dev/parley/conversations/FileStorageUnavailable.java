package dev.parley.conversations;

import java.time.Duration;
import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The file store (the directory, the bucket) cannot be used now; nothing was stored or read. */
final class FileStorageUnavailable extends ParleyException {

	FileStorageUnavailable() {
		super(ProblemKind.UNAVAILABLE, "The file store cannot be reached right now; try again later.");
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(Duration.ofSeconds(30));
	}
}
