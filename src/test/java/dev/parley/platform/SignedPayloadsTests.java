package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignedPayloadsTests {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final SignedPayloads signed = new SignedPayloads(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test");

	@Test
	void readsBackAPayloadOfTheLengthAskedFor() {
		byte[] payload = { 1, 2, 3, 4, 5 };
		String token = signed.sign(payload);
		assertThat(signed.verify(token, 5)).hasValueSatisfying(read -> assertThat(read).containsExactly(payload));
		assertThat(signed.verify(token, 4)).isEmpty();
	}

	/**
	 * Every one-character change is refused, the last character's spare base64 bits included: a
	 * decoder that ignores them reads "A" and "B" there as the same byte.
	 */
	@Test
	void refusesEveryOneCharacterChangeOfTheToken() {
		String token = signed.sign(new byte[57]);
		for (int at = 0; at < token.length(); at++) {
			for (char replacement : ALPHABET.toCharArray()) {
				if (replacement == token.charAt(at) || token.charAt(at) == '.') {
					continue;
				}
				String changed = token.substring(0, at) + replacement + token.substring(at + 1);
				assertThat(signed.verify(changed, 57)).as("changed at %d to %s", at, replacement).isEmpty();
			}
		}
	}

	@Test
	void refusesMalformedTokensAndShortSecrets() {
		String token = signed.sign(new byte[8]);
		assertThat(signed.verify("no-dot", 8)).isEmpty();
		assertThat(signed.verify("." + token, 8)).isEmpty();
		assertThat(signed.verify(token + "=", 8)).isEmpty();
		assertThat(signed.verify("%%%." + token.substring(token.indexOf('.') + 1), 8)).isEmpty();
		assertThat(signed.verify(token + "x".repeat(200), 8)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new SignedPayloads(new byte[31], "short"))
			.withMessageContaining("short secret must be at least 32 bytes");
	}
}
