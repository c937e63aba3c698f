package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No log line holds a user's key, even with request bodies (DEBUG) and SQL parameters (TRACE)
 * logged. The levels are raised here rather than by properties: contexts cached by other test
 * classes reinitialise logging, and this test must not depend on which ran last.
 */
@CredentialsIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	CredentialResolver resolver;

	@Autowired
	LoggingSystem logging;

	final Map<String, LogLevel> previousLevels = new LinkedHashMap<>();

	@BeforeEach
	void logEverything() {
		raise("dev.parley", LogLevel.DEBUG);
		raise("dev.parley.access", LogLevel.DEBUG);
		raise("org.springframework.web", LogLevel.DEBUG);
		raise("org.springframework.security", LogLevel.DEBUG);
		raise("org.springframework.jdbc.core", LogLevel.TRACE);
	}

	@AfterEach
	void restoreLevels() {
		previousLevels.forEach(logging::setLogLevel);
	}

	@Test
	void keepsKeysOutOfTheLogsWhileStoringCheckingAndResolvingThem(CapturedOutput output) {
		String refused = "sk-logged-nowhere-refused-5e6f7a8b9c";
		Session session = api.register();

		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", TestProvider.ID, "api_key", refused));
		String id = created.json().get("id").asString();
		Response tested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
		Response replaced = api.patch("/api/v1/integrations/" + id, session.accessToken(),
				map("api_key", TestProvider.GOOD_KEY));
		Response retested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
		CredentialResolver.Resolved resolved = resolver.resolve(UUID.fromString(session.userId()), TestProvider.ID);

		assertThat(created.status()).isEqualTo(201);
		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(retested.json().get("ok").asBoolean()).isTrue();
		assertThat(resolved.credential().apiKey()).isEqualTo(TestProvider.GOOD_KEY);
		// The logs were captured and do show the requests, their bodies (masked) and the SQL.
		assertThat(output.getAll()).contains("/api/v1/integrations")
			.contains("apiKey=***")
			.containsIgnoringCase("insert into \"integrations\"")
			.contains("Setting SQL statement parameter value")
			.contains("Checking a testprov key failed: ProviderError");
		assertThat(output.getAll()).doesNotContain(refused)
			.doesNotContain(TestProvider.GOOD_KEY)
			.doesNotContain(refused.substring(0, 20))
			.doesNotContain(TestProvider.GOOD_KEY.substring(0, 20));
	}

	private void raise(String logger, LogLevel level) {
		LoggerConfiguration current = logging.getLoggerConfiguration(logger);
		previousLevels.put(logger, current == null ? null : current.getConfiguredLevel());
		logging.setLogLevel(logger, level);
	}
}
