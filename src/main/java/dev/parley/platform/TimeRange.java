package dev.parley.platform;

import java.time.Instant;

/**
 * The times Parley accepts from a client: years 1 to 9999. PostgreSQL's {@code timestamptz} reaches
 * from 4713 BC to 294276 AD, but a time outside four-digit years is a typo or a probe, and many
 * clients (JavaScript's {@code Date}, ISO-8601 without an expanded year) cannot show it. Every time
 * in a JSON body and every time in a query parameter is checked against this range.
 */
public final class TimeRange {

	public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	/** What the client is told about a time out of range. */
	public static final String MESSAGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

	private TimeRange() {
	}

	public static boolean contains(Instant instant) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}
}
