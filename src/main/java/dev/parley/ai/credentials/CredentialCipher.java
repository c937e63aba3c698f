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
 * another provider does not open. Other secrets of a user (through {@link dev.parley.ai.UserSecrets})
 * are sealed the same way, bound to their owner and purpose instead. Thread-safe.
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

	/** Seals another kind of secret, bound to its owner and its purpose (see {@link #secretData}). */
	SealedKey sealSecret(String secret, UUID ownerId, String purpose) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, secretData(ownerId, purpose));
			return new SealedKey(keys.currentId(), nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	/** The clear secret, or empty when it was sealed under a key this server lacks, altered, or moved. */
	Optional<String> openSecret(SealedKey sealed, UUID ownerId, String purpose) {
		Optional<SecretKey> key = keys.find(sealed.version());
		if (key.isEmpty()) {
			return Optional.empty();
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), sealed.nonce(), secretData(ownerId, purpose));
			return Optional.of(new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID userId, String provider)
			throws GeneralSecurityException {
		return cipher(mode, key, nonce, associatedData(userId, provider));
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] associatedData)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(associatedData);
		return cipher;
	}

	/**
	 * Binds a secret other than a provider key to its owner and purpose; its own prefix keeps it
	 * from ever opening as a provider key, or a provider key as it.
	 */
	static byte[] secretData(UUID ownerId, String purpose) {
		return ("parley/user-secret/v1\n" + purpose + "\n" + ownerId).getBytes(StandardCharsets.UTF_8);
	}

	/** Binds a value to its row's owner and provider; the prefix versions this layout. */
	static byte[] associatedData(UUID userId, String provider) {
		return ("parley/integration-key/v1\n" + userId + "\n" + provider).getBytes(StandardCharsets.UTF_8);
	}
}
