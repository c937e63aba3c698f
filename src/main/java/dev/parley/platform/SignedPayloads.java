package dev.parley.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links that are mailed or shown to people (confirm a subscription, answer a feedback
 * request): base64url of a small binary payload, a dot, and base64url of its HMAC-SHA256 under a
 * server secret of at least 32 bytes. What the payload holds is the caller's business; a token that
 * verifies only proves this server signed it.
 */
public final class SignedPayloads {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int MAX_TOKEN_LENGTH = 200;

	private final SecretKeySpec key;

	/** @param purpose names the secret in the error when it is too short */
	public SignedPayloads(byte[] secret, String purpose) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The " + purpose + " secret must be at least 32 bytes");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	public String sign(byte[] payload) {
		String body = ENCODER.encodeToString(payload);
		return body + "." + ENCODER.encodeToString(mac(body));
	}

	/**
	 * The payload of a token this server signed, of exactly {@code length} bytes; empty for anything
	 * else. The signature is compared as the text it was sent as, so only the token exactly as signed
	 * verifies: base64 leaves spare bits in a last character, and a decoder that ignores them would
	 * take a changed character for the same signature.
	 */
	public Optional<byte[]> verify(String token, int length) {
		int dot = token.indexOf('.');
		if (dot <= 0 || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		String body = token.substring(0, dot);
		byte[] expected = ENCODER.encode(mac(body));
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		try {
			byte[] payload = DECODER.decode(body);
			return payload.length == length ? Optional.of(payload) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
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
