package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a high-entropy secret the server hands out (refresh tokens, API keys), which is
 * all the database keeps of it. A fast hash is enough: the secrets are 256-bit random values, not
 * passwords, so there is nothing to guess.
 */
final class SecretHash {

	private SecretHash() {
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
