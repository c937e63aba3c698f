package dev.parley.ai.credentials;

/**
 * A provider key sealed with AES-256-GCM, as it is stored.
 *
 * @param version the id of the key-encryption key that sealed it (see {@link KeyRing})
 * @param nonce the 12 random bytes used once for this value
 * @param ciphertext the encrypted key followed by the 16-byte authentication tag
 */
record SealedKey(int version, byte[] nonce, byte[] ciphertext) {

	@Override
	public String toString() {
		return "SealedKey[version=" + version + ", " + ciphertext.length + " bytes]";
	}
}
