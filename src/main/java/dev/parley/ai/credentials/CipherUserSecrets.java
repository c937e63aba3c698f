package dev.parley.ai.credentials;

import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import dev.parley.ai.UserSecrets;
import org.springframework.stereotype.Component;

/** {@link UserSecrets} with the provider keys' {@link CredentialCipher}. */
@Component
class CipherUserSecrets implements UserSecrets {

	private final CredentialCipher cipher;

	CipherUserSecrets(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public SealedSecret seal(String secret, UUID ownerId, String purpose) {
		SealedKey sealed = cipher.sealSecret(secret, ownerId, purpose);
		return new SealedSecret(sealed.version(), sealed.nonce(), sealed.ciphertext());
	}

	@Override
	public Optional<String> open(SealedSecret sealed, UUID ownerId, String purpose) {
		return cipher.openSecret(new SealedKey(sealed.keyId(), sealed.nonce(), sealed.ciphertext()), ownerId, purpose);
	}
}
