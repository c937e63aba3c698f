package dev.parley.feedback.email;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.SignedPayloads;

/**
 * Signs and reads the tokens of feedback links: the link's nonce, request, recipient and expiry,
 * signed with the link secret ({@link SignedPayloads}). A token that verifies is only a candidate:
 * its nonce's row says what it answers and whether it was used.
 */
final class EmailLinkTokens {

	/** The link a token names, as signed. */
	record Claims(UUID nonce, UUID requestId, UUID recipientId, Instant expiresAt) {
	}

	/** What reading a token found. */
	sealed interface Reading {
	}

	record Valid(Claims claims) implements Reading {
	}

	/** The signature is wrong or the token is malformed. */
	record Tampered() implements Reading {
	}

	/** Signed by us, past its expiry. */
	record Expired(Claims claims) implements Reading {
	}

	private static final int PAYLOAD_BYTES = 1 + 3 * 16 + 8;

	private static final byte VERSION = 1;

	private final SignedPayloads signed;

	EmailLinkTokens(byte[] secret) {
		this.signed = new SignedPayloads(secret, "feedback link");
	}

	String sign(Claims claims) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION);
		put(payload, claims.nonce());
		put(payload, claims.requestId());
		put(payload, claims.recipientId());
		payload.putLong(claims.expiresAt().getEpochSecond());
		return signed.sign(payload.array());
	}

	Reading read(String token, Instant now) {
		byte[] payload = signed.verify(token, PAYLOAD_BYTES).orElse(null);
		if (payload == null || payload[0] != VERSION) {
			return new Tampered();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
		Claims claims = new Claims(uuid(buffer), uuid(buffer), uuid(buffer), Instant.ofEpochSecond(buffer.getLong()));
		return now.isBefore(claims.expiresAt()) ? new Valid(claims) : new Expired(claims);
	}

	private static void put(ByteBuffer buffer, UUID id) {
		buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
	}

	private static UUID uuid(ByteBuffer buffer) {
		return new UUID(buffer.getLong(), buffer.getLong());
	}
}
