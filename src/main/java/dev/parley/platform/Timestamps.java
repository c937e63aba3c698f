package dev.parley.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Times as SQL parameters: the PostgreSQL JDBC driver binds {@code OffsetDateTime} to
 * {@code timestamptz} but has no binding for {@code Instant}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** The instant in UTC, ready to bind; {@code null} stays {@code null}. */
	public static @Nullable OffsetDateTime sql(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
