package dev.parley.platform;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset position: a time and the id that breaks ties. Encoded as URL-safe base64 so
 * clients treat it as a token, not as something to build.
 */
public record Cursor(Instant at, UUID id) {

	private static final int BYTES = Long.BYTES * 3;

	public String encode() {
		ByteBuffer buffer = ByteBuffer.allocate(BYTES);
		buffer.putLong(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
		buffer.putLong(id.getMostSignificantBits());
		buffer.putLong(id.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/** Decodes a cursor a client sent back; {@code null} or blank means the first page. */
	public static @Nullable Cursor decode(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursor();
		}
		if (bytes.length != BYTES) {
			throw new InvalidCursor();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long micros = buffer.getLong();
		Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
		return new Cursor(at, new UUID(buffer.getLong(), buffer.getLong()));
	}

	/** A cursor that this server did not issue. */
	public static final class InvalidCursor extends ParleyException {

		InvalidCursor() {
			super(ProblemKind.INVALID_REQUEST, "The cursor is not one this server issued.");
		}
	}
}
