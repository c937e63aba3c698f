package dev.parley.catalog.newsletter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.SignedPayloads;

/**
 * Signs and checks the newsletter's tokens: the token's id, purpose and expiry, signed with the
 * server's newsletter secret ({@link SignedPayloads}). A token that verifies is only a candidate:
 * the database row of its id says whether it is still unused.
 */
final class NewsletterTokens {

	enum Purpose {
		CONFIRM, UNSUBSCRIBE
	}

	record Claims(UUID id, Purpose purpose, Instant expiresAt) {
	}

	private static final int PAYLOAD_BYTES = 16 + 1 + 8;

	private final SignedPayloads signed;

	NewsletterTokens(byte[] secret) {
		this.signed = new SignedPayloads(secret, "newsletter");
	}

	String sign(Claims claims) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
		payload.putLong(claims.id().getMostSignificantBits()).putLong(claims.id().getLeastSignificantBits());
		payload.put((byte) claims.purpose().ordinal()).putLong(claims.expiresAt().getEpochSecond());
		return signed.sign(payload.array());
	}

	/** The claims of a token this server signed for {@code purpose} that has not expired at {@code now}. */
	Optional<Claims> verify(String token, Purpose purpose, Instant now) {
		return signed.verify(token, PAYLOAD_BYTES).flatMap(payload -> {
			ByteBuffer buffer = ByteBuffer.wrap(payload);
			UUID id = new UUID(buffer.getLong(), buffer.getLong());
			int ordinal = buffer.get();
			Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
			boolean valid = ordinal == purpose.ordinal() && now.isBefore(expiresAt);
			return valid ? Optional.of(new Claims(id, purpose, expiresAt)) : Optional.empty();
		});
	}
}
