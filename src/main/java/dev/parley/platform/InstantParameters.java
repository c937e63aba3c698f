package dev.parley.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * Times in query parameters ({@code ?from=2026-11-01&to=2026-11-08T12:00:00Z}): an ISO date (its
 * start, in UTC) or an ISO instant, within the {@link TimeRange}. A refused one fails the binding,
 * and the problem names the parameter with {@link #MESSAGE} or {@link TimeRange#MESSAGE}.
 */
class InstantParameters implements Formatter<Instant> {

	static final String MESSAGE = "must be an ISO date (2026-11-01) or instant (2026-11-01T00:00:00Z)";

	@Override
	public Instant parse(String text, Locale locale) {
		Instant instant;
		try {
			String value = text.trim();
			instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameter(MESSAGE);
		}
		if (!TimeRange.contains(instant)) {
			throw new InvalidParameter(TimeRange.MESSAGE);
		}
		return instant;
	}

	@Override
	public String print(Instant instant, Locale locale) {
		return instant.toString();
	}

	/** A parameter value refused with a message that is safe to show the client. */
	static final class InvalidParameter extends IllegalArgumentException {

		InvalidParameter(String message) {
			super(message);
		}
	}
}
