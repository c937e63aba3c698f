package dev.parley.ai.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals users' provider keys with AES-256-GCM: a fresh 12-byte random nonce per value, and the
 * owner's id and the provider as associated data, so a value copied to another user's row or
 * another provider does not open. Thread-safe.
 */
final class CredentialCipher {

	static final String TRANSFORMATION = "AES/GCM/NoPadding";

	static final int NONCE_BYTES = 12;

	static final int TAG_BITS = 128;

	private final KeyRing keys;

	private final SecureRandom random = new SecureRandom();

	CredentialCipher(KeyRing keys) {
		this.keys = keys;
	}

	SealedKey seal(String apiKey, UUID userId, String provider) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, userId, provider);
			return new SealedKey(keys.currentId(), nonce, cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	/**
	 * The clear key.
	 * @throws StoredKeyUnreadable when the value was sealed under a key this server does not have,
	 *     was altered, or belongs to another user or provider
	 */
	String open(SealedKey sealed, UUID userId, String provider) {
		SecretKey key = keys.find(sealed.version()).orElseThrow(() -> new StoredKeyUnreadable(provider));
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), userId, provider);
			return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new StoredKeyUnreadable(provider);
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID userId, String provider)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(associatedData(userId, provider));
		return cipher;
	}

	/** Binds a value to its row's owner and provider; the prefix versions this layout. */
	static byte[] associatedData(UUID userId, String provider) {
		return ("parley/integration-key/v1\n" + userId + "\n" + provider).getBytes(StandardCharsets.UTF_8);
	}
}
