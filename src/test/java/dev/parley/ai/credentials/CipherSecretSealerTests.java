package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.parley.ai.SecretSealer;
import org.junit.jupiter.api.Test;

class CipherSecretSealerTests {

	final CredentialCipher cipher = new CredentialCipher(KeyRing.of(new byte[32], List.of()));

	final CipherSecretSealer sealer = new CipherSecretSealer(cipher);

	@Test
	void opensWhatItSealedOnlyInTheSameContext() {
		SecretSealer.Sealed sealed = sealer.seal("{\"Authorization\":\"Bearer x\"}", "mcp-server-headers/a/b");

		assertThat(sealer.open(sealed, "mcp-server-headers/a/b")).contains("{\"Authorization\":\"Bearer x\"}");
		assertThat(sealer.open(sealed, "mcp-server-headers/a/c")).isEmpty();
		assertThat(new String(sealed.ciphertext())).doesNotContain("Bearer");
	}

	@Test
	void aProviderKeyDoesNotOpenAsAnotherModulesSecretNorTheOtherWayRound() {
		UUID user = UUID.randomUUID();
		SealedKey key = cipher.seal("sk-key", user, "openai");
		SecretSealer.Sealed asSecret = new SecretSealer.Sealed(key.version(), key.nonce(), key.ciphertext());
		SecretSealer.Sealed secret = sealer.seal("sk-key", "parley/integration-key/v1\n" + user + "\nopenai");

		assertThat(sealer.open(asSecret, "parley/integration-key/v1\n" + user + "\nopenai")).isEmpty();
		assertThat(cipher.open(new SealedKey(secret.version(), secret.nonce(), secret.ciphertext()),
				CredentialCipher.associatedData(user, "openai"))).isEmpty();
	}

	@Test
	void aValueSealedUnderAnotherKeyDoesNotOpen() {
		SecretSealer.Sealed sealed = new CipherSecretSealer(
				new CredentialCipher(KeyRing.of(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
						18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, List.of())))
			.seal("secret", "ctx");

		assertThat(sealer.open(sealed, "ctx")).isEmpty();
	}
}
