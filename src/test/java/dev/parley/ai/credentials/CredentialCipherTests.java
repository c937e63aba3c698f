package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CredentialCipherTests {

	private static final String KEY = "sk-proj-Zx81mQ4tR7vB2nL9kP0wE5yU3iO6aS1d";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] kek = randomKey();

	private final CredentialCipher cipher = new CredentialCipher(KeyRing.of(kek, List.of()));

	private final UUID user = UUID.randomUUID();

	@Test
	void opensWhatItSealed() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");

		assertThat(cipher.open(sealed, user, "openai")).isEqualTo(KEY);
		assertThat(sealed.nonce()).hasSize(CredentialCipher.NONCE_BYTES);
		// The key's bytes plus a 16-byte tag, and not the key's bytes themselves.
		assertThat(sealed.ciphertext()).hasSize(KEY.length() + 16);
		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(KEY.substring(0, 8));
		assertThat(sealed.version()).isEqualTo(KeyRing.idOf(kek));
	}

	@Test
	void sealsTheSameKeyDifferentlyEveryTime() {
		SealedKey first = cipher.seal(KEY, user, "openai");
		SealedKey second = cipher.seal(KEY, user, "openai");

		assertThat(first.nonce()).isNotEqualTo(second.nonce());
		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
	}

	@Test
	void refusesATamperedCiphertext() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");
		byte[] ciphertext = sealed.ciphertext().clone();
		ciphertext[3] ^= 0x01;

		assertThatThrownBy(() -> cipher.open(new SealedKey(sealed.version(), sealed.nonce(), ciphertext), user, "openai"))
			.isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void refusesATamperedNonce() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");
		byte[] nonce = sealed.nonce().clone();
		nonce[0] ^= 0x01;

		assertThatThrownBy(() -> cipher.open(new SealedKey(sealed.version(), nonce, sealed.ciphertext()), user, "openai"))
			.isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void refusesAValueMovedToAnotherUserOrProvider() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");

		assertThatThrownBy(() -> cipher.open(sealed, UUID.randomUUID(), "openai")).isInstanceOf(StoredKeyUnreadable.class);
		assertThatThrownBy(() -> cipher.open(sealed, user, "anthropic")).isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void refusesAValueUnderADifferentKey() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");
		byte[] otherKek = randomKey();
		CredentialCipher other = new CredentialCipher(KeyRing.of(otherKek, List.of()));

		// Under its own id, the other key is simply not there; under the original id it does not open the value.
		assertThatThrownBy(() -> other.open(sealed, user, "openai")).isInstanceOf(StoredKeyUnreadable.class);
		SealedKey relabelled = new SealedKey(KeyRing.idOf(otherKek), sealed.nonce(), sealed.ciphertext());
		assertThatThrownBy(() -> other.open(relabelled, user, "openai")).isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void opensValuesOfARetiredKeyAfterARotationAndSealsWithTheNewOne() {
		SealedKey old = cipher.seal(KEY, user, "openai");
		byte[] newKek = randomKey();
		CredentialCipher rotated = new CredentialCipher(KeyRing.of(newKek, List.of(kek)));

		assertThat(rotated.open(old, user, "openai")).isEqualTo(KEY);
		SealedKey resealed = rotated.seal(KEY, user, "openai");
		assertThat(resealed.version()).isEqualTo(KeyRing.idOf(newKek)).isNotEqualTo(old.version());
		assertThatThrownBy(() -> cipher.open(resealed, user, "openai")).isInstanceOf(StoredKeyUnreadable.class);
	}

	@Test
	void acceptsOnlyThirtyTwoByteKeysAndNeverRepeatsTheValue() {
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		String notBase64 = "this is not base64!";

		assertThat(KeyRing.decode(Base64.getEncoder().encodeToString(kek), "PARLEY_ENCRYPTION_KEY")).isEqualTo(kek);
		assertThatThrownBy(() -> KeyRing.decode(short16, "PARLEY_ENCRYPTION_KEY"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PARLEY_ENCRYPTION_KEY decodes to 16 bytes; it must be exactly 32")
			.message()
			.doesNotContain(short16);
		assertThatThrownBy(() -> KeyRing.decode(notBase64, "PARLEY_ENCRYPTION_KEY"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PARLEY_ENCRYPTION_KEY is not valid base64")
			.message()
			.doesNotContain(notBase64);
	}

	@Test
	void neverShowsKeysWhenPrinted() {
		SealedKey sealed = cipher.seal(KEY, user, "openai");
		CredentialsProperties properties = new CredentialsProperties(Base64.getEncoder().encodeToString(kek), List.of(),
				true, List.of("openai"), Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(30));

		assertThat(sealed.toString()).doesNotContain(KEY);
		assertThat(properties.toString()).contains("encryptionKey=***")
			.doesNotContain(Base64.getEncoder().encodeToString(kek));
		assertThat(new IntegrationChanges(KEY, "work", null, null).toString()).doesNotContain(KEY);
	}

	private static byte[] randomKey() {
		byte[] key = new byte[KeyRing.KEY_BYTES];
		RANDOM.nextBytes(key);
		return key;
	}
}
