package dev.parley.catalog.newsletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the newsletter's tokens: base64url of the token's id, purpose and expiry, a dot,
 * and base64url of their HMAC-SHA256 under the server's newsletter secret. A token that verifies
 * is only a candidate: the database row of its id says whether it is still unused.
 */
final class NewsletterTokens {

	enum Purpose {
		CONFIRM, UNSUBSCRIBE
	}

	record Claims(UUID id, Purpose purpose, Instant expiresAt) {
	}

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	NewsletterTokens(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The newsletter secret must be at least 32 bytes");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String sign(Claims claims) {
		ByteBuffer payload = ByteBuffer.allocate(25);
		payload.putLong(claims.id().getMostSignificantBits()).putLong(claims.id().getLeastSignificantBits());
		payload.put((byte) claims.purpose().ordinal()).putLong(claims.expiresAt().getEpochSecond());
		String body = ENCODER.encodeToString(payload.array());
		return body + "." + ENCODER.encodeToString(mac(body));
	}

	/** The claims of a token this server signed for {@code purpose} that has not expired at {@code now}. */
	Optional<Claims> verify(String token, Purpose purpose, Instant now) {
		int dot = token.indexOf('.');
		if (dot <= 0 || token.length() > 200) {
			return Optional.empty();
		}
		String body = token.substring(0, dot);
		byte[] signature;
		byte[] payload;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
			payload = DECODER.decode(body);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(mac(body), signature) || payload.length != 25) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		UUID id = new UUID(buffer.getLong(), buffer.getLong());
		int ordinal = buffer.get();
		Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
		if (ordinal != purpose.ordinal() || !now.isBefore(expiresAt)) {
			return Optional.empty();
		}
		return Optional.of(new Claims(id, purpose, expiresAt));
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
