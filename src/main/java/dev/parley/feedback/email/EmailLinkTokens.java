package dev.parley.feedback.email;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and reads the tokens of feedback links: base64url of the link's nonce, request, recipient
 * and expiry, a dot, and base64url of their HMAC-SHA256 under the link secret. A token that
 * verifies is only a candidate: its nonce's row says what it answers and whether it was used.
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

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	EmailLinkTokens(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The feedback link secret must be at least 32 bytes");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String sign(Claims claims) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION);
		put(payload, claims.nonce());
		put(payload, claims.requestId());
		put(payload, claims.recipientId());
		payload.putLong(claims.expiresAt().getEpochSecond());
		String body = ENCODER.encodeToString(payload.array());
		return body + "." + ENCODER.encodeToString(mac(body));
	}

	Reading read(String token, Instant now) {
		int dot = token.indexOf('.');
		if (dot <= 0 || token.length() > 200) {
			return new Tampered();
		}
		String body = token.substring(0, dot);
		byte[] signature;
		byte[] payload;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
			payload = DECODER.decode(body);
		}
		catch (IllegalArgumentException ex) {
			return new Tampered();
		}
		if (!MessageDigest.isEqual(mac(body), signature) || payload.length != PAYLOAD_BYTES || payload[0] != VERSION) {
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

	private byte[] mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}
}
