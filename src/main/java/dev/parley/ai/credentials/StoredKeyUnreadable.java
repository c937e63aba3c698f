package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * A stored key this server cannot decrypt: it was sealed under an encryption key the server no
 * longer has (PARLEY_ENCRYPTION_KEY changed without keeping the old one as retired), or the stored
 * value was altered. The user can store the key again.
 */
public class StoredKeyUnreadable extends ParleyException {

	StoredKeyUnreadable(String provider) {
		super(ProblemKind.CONFLICT, "Your stored key for " + provider
				+ " can no longer be read by this server; replace it under /api/v1/integrations.");
	}
}
