package dev.parley.platform.streams;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events of one stream in memory, numbered from 1 in the order they are appended, for any number
 * of readers that each follow from the last number they have. Appending never waits for a reader;
 * a reader waits (with a timeout) for events after its number. Once closed, nothing more is appended
 * and readers past the end learn it at once.
 */
public final class EventBuffer<E> implements EventSource<E> {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private Object[] events = new Object[16];

	private int size;

	private boolean closed;

	/** Appends an event and returns its number; ignored (returning 0) once the buffer is closed. */
	public long append(E event) {
		lock.lock();
		try {
			if (closed) {
				return 0;
			}
			add(event);
			changed.signalAll();
			return size;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Appends the stream's last event and closes it; returns its number, or 0 when it was already
	 * closed (the event is then dropped).
	 */
	public long close(E last) {
		lock.lock();
		try {
			if (closed) {
				return 0;
			}
			add(last);
			closed = true;
			changed.signalAll();
			return size;
		}
		finally {
			lock.unlock();
		}
	}

	public boolean closed() {
		lock.lock();
		try {
			return closed;
		}
		finally {
			lock.unlock();
		}
	}

	/** The number of the last event appended; 0 while there is none. */
	public long last() {
		lock.lock();
		try {
			return size;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A number past the end counts from the end: its reader gets what comes next, and the last event
	 * of a closed buffer (how the stream ended) is never skipped.
	 */
	@Override
	public EventBatch<E> awaitAfter(long seq, Duration timeout) throws InterruptedException {
		lock.lock();
		try {
			long nanos = timeout.toNanos();
			int from = (int) Math.clamp(seq, 0, closed ? size - 1 : size);
			while (size <= from && !closed && nanos > 0) {
				nanos = changed.awaitNanos(nanos);
			}
			return new EventBatch<>(from + 1, slice(from, size), closed);
		}
		finally {
			lock.unlock();
		}
	}

	/** The events after {@code seq} as they are now, without waiting (as {@link #awaitAfter}). */
	public EventBatch<E> after(long seq) {
		lock.lock();
		try {
			int from = (int) Math.clamp(seq, 0, closed ? size - 1 : size);
			return new EventBatch<>(from + 1, slice(from, size), closed);
		}
		finally {
			lock.unlock();
		}
	}

	private void add(E event) {
		if (size == events.length) {
			events = Arrays.copyOf(events, size * 2);
		}
		events[size++] = event;
	}

	@SuppressWarnings("unchecked")
	private List<E> slice(int from, int to) {
		if (from >= to) {
			return List.of();
		}
		return (List<E>) List.of(Arrays.copyOfRange(events, from, to));
	}
}
