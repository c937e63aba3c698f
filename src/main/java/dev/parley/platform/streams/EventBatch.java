package dev.parley.platform.streams;

import java.util.List;

/**
 * Consecutive events of a stream.
 *
 * @param first the sequence number of the first of {@code events} (the others follow by one)
 * @param events in order; may be empty
 * @param closed whether the stream ends with the last of them: nothing follows
 */
public record EventBatch<E>(long first, List<E> events, boolean closed) {

	/** The sequence number of the last event, or {@code first - 1} when there are none. */
	public long last() {
		return first + events.size() - 1;
	}
}
