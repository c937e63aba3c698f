package dev.parley.ai.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.parley.ai.SecretSealer;
import org.springframework.stereotype.Component;

/**
 * The {@link SecretSealer} other modules use, on the cipher of users' provider keys. Its associated
 * data starts with a prefix of its own, so no value it seals opens as a provider key or the other
 * way round.
 */
@Component
class CipherSecretSealer implements SecretSealer {

	private final CredentialCipher cipher;

	CipherSecretSealer(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public Sealed seal(String secret, String context) {
		SealedKey sealed = cipher.seal(secret, associatedData(context));
		return new Sealed(sealed.version(), sealed.nonce(), sealed.ciphertext());
	}

	@Override
	public Optional<String> open(Sealed sealed, String context) {
		return cipher.open(new SealedKey(sealed.version(), sealed.nonce(), sealed.ciphertext()), associatedData(context));
	}

	static byte[] associatedData(String context) {
		return ("parley/sealed-secret/v1\n" + context).getBytes(StandardCharsets.UTF_8);
	}
}
