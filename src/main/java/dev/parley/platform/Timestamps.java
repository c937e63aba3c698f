package dev.parley.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times as SQL parameters: the PostgreSQL JDBC driver binds {@code OffsetDateTime} to
 * {@code timestamptz} but has no binding for {@code Instant}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** The instant in UTC, ready to bind; {@code null} stays {@code null}. */
	public static OffsetDateTime sql(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
