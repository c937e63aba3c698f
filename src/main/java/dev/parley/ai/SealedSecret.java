package dev.parley.ai;

/**
 * A secret sealed by {@link UserSecrets}, as it is stored.
 *
 * @param keyId the id of the key-encryption key that sealed it
 * @param nonce the 12 random bytes used once for this value
 * @param ciphertext the encrypted secret followed by the 16-byte authentication tag
 */
public record SealedSecret(int keyId, byte[] nonce, byte[] ciphertext) {

	@Override
	public String toString() {
		return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
	}
}
