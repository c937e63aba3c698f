package dev.parley.platform.streams;

import java.time.Duration;

/** Where a writer reads numbered events from: a live {@link EventBuffer}, or a stored copy of one. */
public interface EventSource<E> {

	/**
	 * The events numbered after {@code seq}, waiting at most {@code timeout} for one when there is
	 * none yet; an empty batch that is not closed when the time is up.
	 */
	EventBatch<E> awaitAfter(long seq, Duration timeout) throws InterruptedException;
}
