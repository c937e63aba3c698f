package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;

import dev.parley.ParleyApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A server refuses to start with an encryption key it cannot use, and says which setting to fix. */
class EncryptionKeyStartupTests {

	@Test
	void aProductionServerRefusesToStartWithoutAnEncryptionKey() {
		// The embedded database allowed, so that the encryption key is what is missing.
		Throwable failure = catchThrowable(
				() -> start("--spring.profiles.active=test,production", "--PARLEY_ALLOW_EMBEDDED_DATABASE=true"));

		assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PARLEY_ENCRYPTION_KEY must be set");
	}

	@Test
	void refusesAnEncryptionKeyOfTheWrongLength() {
		String sixteenBytes = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

		Throwable failure = catchThrowable(
				() -> start("--spring.profiles.active=test", "--parley.ai.credentials.encryption-key=" + sixteenBytes));

		assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
			.hasMessage("PARLEY_ENCRYPTION_KEY decodes to 16 bytes; it must be exactly 32 bytes (openssl rand -base64 32).");
	}

	/** Settings as command-line arguments: they override application.yaml, as the environment does. */
	private static void start(String... arguments) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ParleyApplication.class)
			.properties("server.port=0")
			.run(arguments)) {
			throw new AssertionError("The server started");
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}
}
