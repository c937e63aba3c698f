package dev.parley.ai.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals users' provider keys with AES-256-GCM: a fresh 12-byte random nonce per value, and the
 * owner's id and the provider as associated data, so a value copied to another user's row or
 * another provider does not open. Other modules' secrets go through {@link CipherSecretSealer}, bound
 * to their own associated data. Thread-safe.
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
		return seal(apiKey, associatedData(userId, provider));
	}

	/** Seals any secret, bound to the given associated data. */
	SealedKey seal(String secret, byte[] associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, associatedData);
			return new SealedKey(keys.currentId(), nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
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
		return open(sealed, associatedData(userId, provider)).orElseThrow(() -> new StoredKeyUnreadable(provider));
	}

	/** The clear secret, or empty when it does not open with this associated data. */
	Optional<String> open(SealedKey sealed, byte[] associatedData) {
		Optional<SecretKey> key = keys.find(sealed.version());
		if (key.isEmpty()) {
			return Optional.empty();
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), sealed.nonce(), associatedData);
			return Optional.of(new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] associatedData)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(associatedData);
		return cipher;
	}

	/** Binds a value to its row's owner and provider; the prefix versions this layout. */
	static byte[] associatedData(UUID userId, String provider) {
		return ("parley/integration-key/v1\n" + userId + "\n" + provider).getBytes(StandardCharsets.UTF_8);
	}
}
