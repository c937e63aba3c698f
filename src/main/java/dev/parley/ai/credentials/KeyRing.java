package dev.parley.ai.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys: the current one, which seals every new value, and retired ones, which
 * only open values sealed before a rotation. Each key is known by an id derived from it (the first
 * four bytes of a SHA-256 over it), stored with every value it sealed, so a changed key is told
 * apart from a tampered value and rotating needs no numbering by hand.
 */
final class KeyRing {

	static final int KEY_BYTES = 32;

	private static final byte[] ID_CONTEXT = "parley/key-encryption-key-id/v1".getBytes(StandardCharsets.US_ASCII);

	private final int currentId;

	private final Map<Integer, SecretKey> keys = new HashMap<>();

	private KeyRing(byte[] current, List<byte[]> retired) {
		this.currentId = add(current);
		retired.forEach(this::add);
	}

	static KeyRing of(byte[] current, List<byte[]> retired) {
		return new KeyRing(current, retired);
	}

	/**
	 * Reads a key given as base64, refusing anything but 32 bytes with a message that names the
	 * setting (never the value).
	 */
	static byte[] decode(String base64, String setting) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not valid base64; it must be the base64 of " + KEY_BYTES
					+ " random bytes (openssl rand -base64 32).");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(setting + " decodes to " + key.length + " bytes; it must be exactly "
					+ KEY_BYTES + " bytes (openssl rand -base64 32).");
		}
		return key;
	}

	int currentId() {
		return currentId;
	}

	SecretKey current() {
		return keys.get(currentId);
	}

	Optional<SecretKey> find(int id) {
		return Optional.ofNullable(keys.get(id));
	}

	static int idOf(byte[] key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(ID_CONTEXT);
			return ByteBuffer.wrap(sha256.digest(key)).getInt();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private int add(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A key-encryption key must be " + KEY_BYTES + " bytes");
		}
		int id = idOf(key);
		keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
		return id;
	}

	@Override
	public String toString() {
		return "KeyRing[current=" + currentId + ", keys=" + keys.size() + "]";
	}
}
