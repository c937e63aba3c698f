package dev.parley.ai;

import java.util.Optional;
import java.util.UUID;

/**
 * Encryption at rest of a user's secrets other than provider keys (a data connection's service
 * account key, say), with the same AES-256-GCM cipher and key-encryption keys as provider keys
 * ({@code PARLEY_ENCRYPTION_KEY}, its retired keys and the development key file). A sealed value is
 * bound to its owner and purpose: copied to another user's row, or read for another purpose, it does
 * not open.
 */
public interface UserSecrets {

	SealedSecret seal(String secret, UUID ownerId, String purpose);

	/**
	 * The clear secret; empty when it was sealed under a key this server no longer has, was altered,
	 * or belongs to another owner or purpose.
	 */
	Optional<String> open(SealedSecret sealed, UUID ownerId, String purpose);
}
