package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import org.junit.jupiter.api.Test;

/** Other secrets than provider keys, sealed with the same cipher and bound to owner and purpose. */
class CipherUserSecretsTests {

	private static final String SECRET = "{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIE...\"}";

	private final byte[] kek = new byte[KeyRing.KEY_BYTES];

	{
		new SecureRandom().nextBytes(kek);
	}

	private final CredentialCipher cipher = new CredentialCipher(KeyRing.of(kek, List.of()));

	private final CipherUserSecrets secrets = new CipherUserSecrets(cipher);

	private final UUID owner = UUID.randomUUID();

	@Test
	void opensWhatItSealedForTheSameOwnerAndPurpose() {
		SealedSecret sealed = secrets.seal(SECRET, owner, "data-connection");

		assertThat(secrets.open(sealed, owner, "data-connection")).contains(SECRET);
		assertThat(sealed.keyId()).isEqualTo(KeyRing.idOf(kek));
		assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE");
	}

	@Test
	void doesNotOpenForAnotherOwnerOrPurposeOrAsAProviderKey() {
		SealedSecret sealed = secrets.seal(SECRET, owner, "data-connection");

		assertThat(secrets.open(sealed, UUID.randomUUID(), "data-connection")).isEmpty();
		assertThat(secrets.open(sealed, owner, "mcp-server")).isEmpty();
		SealedKey asKey = new SealedKey(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> cipher.open(asKey, owner, "data-connection"))
			.isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void opensAfterARotationButNotWithoutTheKey() {
		SealedSecret sealed = secrets.seal(SECRET, owner, "data-connection");
		byte[] next = new byte[KeyRing.KEY_BYTES];
		new SecureRandom().nextBytes(next);

		assertThat(new CipherUserSecrets(new CredentialCipher(KeyRing.of(next, List.of(kek)))).open(sealed, owner,
				"data-connection"))
			.contains(SECRET);
		assertThat(new CipherUserSecrets(new CredentialCipher(KeyRing.of(next, List.of()))).open(sealed, owner,
				"data-connection"))
			.isEmpty();
	}
}
