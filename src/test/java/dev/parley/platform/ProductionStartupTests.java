package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import dev.parley.ParleyApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A production server refuses to start without a real signing key or on the embedded database
 * (unless told to), and says why in one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTests {

	@Test
	void refusesToStartWithoutSecretKey(CapturedOutput output) {
		assertThatThrownBy(() -> start("parley.identity.secret-key="))
			.hasRootCauseInstanceOf(MissingSecret.class)
			.rootCause()
			.hasMessageContaining("SECRET_KEY must be set");
		assertThat(output).contains("SECRET_KEY must be set").contains("Set SECRET_KEY in the environment");
	}

	@Test
	void refusesToStartWithAShortSecretKey(CapturedOutput output) {
		assertThatThrownBy(() -> start("parley.identity.secret-key=short")).hasRootCauseInstanceOf(MissingSecret.class);
		assertThat(output).contains("SECRET_KEY is 5 bytes long; it must be at least 32 bytes.");
	}

	@Test
	void refusesToStartOnTheEmbeddedDatabase(CapturedOutput output) {
		assertThatThrownBy(() -> start(NO_DATABASE_URL, VALID_SECRET_KEY)).rootCause()
			.hasMessage("The production profile does not run on the embedded PostgreSQL: DATABASE_URL is not set.");
		assertThat(output).contains("Set DATABASE_URL", "PARLEY_ALLOW_EMBEDDED_DATABASE=true");
	}

	@Test
	void startsOnTheEmbeddedDatabaseWhenAllowed() {
		new SpringApplicationBuilder(ParleyApplication.class)
			.run("--server.port=0", "--spring.profiles.active=test,production", ENCRYPTION_KEY, VALID_SECRET_KEY,
					NO_DATABASE_URL, ALLOW_EMBEDDED_DATABASE)
			.close();
	}

	/** Whatever the build was given, these tests are about the embedded database. */
	private static final String NO_DATABASE_URL = "--DATABASE_URL=";

	private static final String ALLOW_EMBEDDED_DATABASE = "--PARLEY_ALLOW_EMBEDDED_DATABASE=true";

	private static final String VALID_SECRET_KEY = "--parley.identity.secret-key=" + "k".repeat(32);

	/** A valid encryption key, so that the signing key is the only secret missing. */
	private static final String ENCRYPTION_KEY = "--parley.ai.credentials.encryption-key="
			+ Base64.getEncoder().encodeToString(new byte[32]);

	private static void start(String secretKey) {
		start(ALLOW_EMBEDDED_DATABASE, "--" + secretKey);
	}

	private static void start(String database, String secretKey) {
		new SpringApplicationBuilder(ParleyApplication.class)
			.run("--server.port=0", "--spring.profiles.active=test,production", ENCRYPTION_KEY, database, secretKey)
			.close();
	}
}
