package dev.parley.ai;

import java.util.Objects;
import java.util.Optional;

/**
 * Seals small secrets another module stores (the headers a user's MCP server needs, say) the way
 * users' own provider keys are sealed: AES-256-GCM under the server's key-encryption key
 * ({@code PARLEY_ENCRYPTION_KEY}, with its retired keys for reading), a fresh random nonce each.
 * The {@code context} is bound to the value as associated data, so a value copied to another row,
 * owner or purpose does not open; name it after all three ({@code "mcp-server-headers/<user>/<server>"}).
 */
public interface SecretSealer {

	Sealed seal(String secret, String context);

	/**
	 * The clear secret, or empty when it does not open: sealed under a key this server no longer has,
	 * altered, or sealed for another context.
	 */
	Optional<String> open(Sealed sealed, String context);

	/**
	 * A sealed secret as it is stored.
	 *
	 * @param version the id of the key-encryption key that sealed it
	 * @param nonce the 12 random bytes used once for this value
	 * @param ciphertext the encrypted secret followed by its 16-byte authentication tag
	 */
	record Sealed(int version, byte[] nonce, byte[] ciphertext) {

		public Sealed {
			Objects.requireNonNull(nonce, "nonce");
			Objects.requireNonNull(ciphertext, "ciphertext");
		}

		@Override
		public String toString() {
			return "Sealed[version=" + version + ", " + ciphertext.length + " bytes]";
		}
	}
}
