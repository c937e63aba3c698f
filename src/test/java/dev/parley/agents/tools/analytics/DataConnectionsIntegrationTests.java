package dev.parley.agents.tools.analytics;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestHostNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data connections over the API and {@code analytics_report} against a fake Google (token endpoint
 * and Data API on loopback, which the outbound guard is told to allow; 127.0.0.2 stays refused).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DataConnectionsIntegrationTests {

	static final FakeGoogle GOOGLE = new FakeGoogle();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("parley.agents.analytics.api-base-url", GOOGLE::baseUrl);
		registry.add("parley.agents.analytics.allow-http-token-uri", () -> "true");
		registry.add("parley.platform.outbound.allowed-addresses", () -> "127.0.0.1/32");
	}

	@AfterAll
	static void stop() {
		GOOGLE.close();
	}

	@Autowired
	ApiClient api;

	@Autowired
	Toolbox toolbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoggingSystem logging;

	Response connect(Session session, String name, String propertyId, String keyFile) {
		return api.post("/api/v1/data-connections", session.accessToken(), map("kind", "google_analytics", "name", name,
				"property_id", propertyId, "service_account_json", keyFile));
	}

	String connected(Session session, String name, String propertyId) {
		Response created = connect(session, name, propertyId,
				GOOGLE.newServiceAccount(name.replace(' ', '-') + "-" + UUID.randomUUID() + "@parley-test.iam.gserviceaccount.com"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	ToolResult report(Session session, Map<String, Object> arguments) {
		Tool tool = toolbox.find(UUID.fromString(session.userId()), "analytics_report").orElseThrow();
		return tool.execute(new ToolInvocation(UUID.fromString(session.userId()), "call_1", JSON.valueToTree(arguments),
				Instant.now().plus(Duration.ofMinutes(1))));
	}

	static Map<String, Object> countries(int limit) {
		return Map.of("start_date", "7daysAgo", "end_date", "today", "dimensions", List.of("country"), "metrics",
				List.of("activeUsers"), "limit", limit);
	}

	@Test
	void storesAConnectionAndNeverShowsItsKey() {
		Session session = api.register();
		String email = "reporter-" + UUID.randomUUID() + "@parley-test.iam.gserviceaccount.com";

		Response created = connect(session, "Shop", "properties/" + FakeGoogle.PROPERTY, GOOGLE.newServiceAccount(email));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("kind").asString()).isEqualTo("google_analytics");
		assertThat(created.json().get("property_id").asString()).isEqualTo(FakeGoogle.PROPERTY);
		assertThat(created.json().get("client_email").asString()).isEqualTo(email);
		Response listed = api.get("/api/v1/data-connections", session.accessToken());
		assertThat(listed.json().get("items")).hasSize(1);
		assertThat(listed.json().get("items").get(0).get("name").asString()).isEqualTo("Shop");
		assertThat(listed.json().has("next_cursor")).isTrue();
		for (String body : List.of(created.body(), listed.body())) {
			assertThat(body).doesNotContain("PRIVATE KEY").doesNotContain("private_key").doesNotContain("token_uri");
		}
		byte[] stored = jdbc.sql("select key_ciphertext from data_connections where id = :id")
			.param("id", UUID.fromString(created.json().get("id").asString()))
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY").doesNotContain(email);
	}

	@Test
	void refusesABadConnectionNamingEveryField() {
		Session session = api.register();

		Response refused = api.post("/api/v1/data-connections", session.accessToken(), map("kind", "mysql", "name", " ",
				"property_id", "UA-1234", "service_account_json", "{\"type\":\"service_account\",\"private_key\":\"x\"}"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("kind", "name",
				"property_id", "service_account_json");
		assertThat(refused.body()).contains("has no client_email");
	}

	@Test
	void refusesKeysThatAreNotServiceAccountKeys() {
		Session session = api.register();
		String good = GOOGLE.newServiceAccount("shape@parley-test.iam.gserviceaccount.com");
		JsonNode file = JSON.readTree(good);

		assertThat(reason(connect(session, "a", FakeGoogle.PROPERTY, "not json"))).contains("is not JSON");
		assertThat(reason(connect(session, "b", FakeGoogle.PROPERTY, good.replace("service_account", "authorized_user"))))
			.contains("'authorized_user'");
		assertThat(reason(connect(session, "c", FakeGoogle.PROPERTY,
				good.replace(file.get("private_key").asString().substring(40, 80), "AAAA"))))
			.contains("not an RSA private key");
		assertThat(reason(connect(session, "d", FakeGoogle.PROPERTY, good.replace(GOOGLE.tokenUri(), "ftp://example.com/token"))))
			.contains("not an https URL");
		assertThat(reason(connect(session, "e", FakeGoogle.PROPERTY, good.replace(GOOGLE.tokenUri(), "http://127.0.0.2/token"))))
			.contains("private or local address");
		assertThat(api.get("/api/v1/data-connections", session.accessToken()).json().get("items")).isEmpty();
	}

	private static String reason(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		return response.json().get("errors").get(0).get("message").asString();
	}

	@Test
	void aNameIsOneConnection() {
		Session session = api.register();
		connected(session, "Blog", FakeGoogle.PROPERTY);

		Response again = connect(session, "Blog", FakeGoogle.PROPERTY, GOOGLE.newServiceAccount("again@parley-test.iam.gserviceaccount.com"));

		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void anotherUsersConnectionIsInvisible() {
		Session owner = api.register();
		Session other = api.register();
		String id = connected(owner, "Private", FakeGoogle.PROPERTY);

		assertThat(api.get("/api/v1/data-connections/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/data-connections/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/data-connections", other.accessToken()).json().get("items")).isEmpty();
		UUID otherId = UUID.fromString(other.userId());
		assertThat(toolbox.available(otherId)).extracting(Tool::name).doesNotContain("analytics_report");
		Tool tool = toolbox.find(UUID.fromString(owner.userId()), "analytics_report").orElseThrow();
		ToolResult stolen = tool.execute(new ToolInvocation(otherId, "call_1",
				JSON.valueToTree(Map.of("connection", id, "start_date", "today", "end_date", "today", "metrics",
						List.of("activeUsers"))),
				Instant.now().plusSeconds(60)));
		assertThat(stolen.ok()).isFalse();
		assertThat(stolen.content()).contains("you have no Google Analytics data connection");
		assertThat(api.get("/api/v1/data-connections/" + id, owner.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void anApiKeyMayListButNotAddOrDelete() {
		Session session = api.register();
		String id = connected(session, "Keyed", FakeGoogle.PROPERTY);
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "script")).json().get("key").asString();

		Response added = api.post("/api/v1/data-connections", key, map("kind", "google_analytics", "name", "Sneaky",
				"property_id", FakeGoogle.PROPERTY, "service_account_json", GOOGLE.newServiceAccount("sneaky@x.iam.gserviceaccount.com")));
		Response deleted = api.delete("/api/v1/data-connections/" + id, key);

		assertThat(added.status()).isEqualTo(403);
		assertThat(deleted.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/data-connections", key).json().get("items")).hasSize(1);
	}

	@Test
	void deletingAConnectionTakesTheToolAway() {
		Session session = api.register();
		String id = connected(session, "Gone", FakeGoogle.PROPERTY);
		assertThat(toolbox.available(UUID.fromString(session.userId()))).extracting(Tool::name).contains("analytics_report");

		assertThat(api.delete("/api/v1/data-connections/" + id, session.accessToken()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/data-connections/" + id, session.accessToken()).status()).isEqualTo(404);
		assertThat(toolbox.available(UUID.fromString(session.userId()))).extracting(Tool::name).doesNotContain("analytics_report");
	}

	@Test
	void runsAReportWithASignedAssertionAndRendersTheRows() {
		Session session = api.register();
		connected(session, "Store", FakeGoogle.PROPERTY);
		int assertionsBefore = GOOGLE.assertions.size();

		ToolResult result = report(session, countries(2));

		assertThat(result.ok()).as(result.content()).isTrue();
		assertThat(result.content()).isEqualTo("""
				GA4 property 123456789, 7daysAgo to today
				country | activeUsers
				France | 12
				Japan | 7
				(2 rows of 3; raise limit for more)""");
		JsonNode body = GOOGLE.reportBodies.getLast();
		assertThat(body.toString()).isEqualTo("{\"dateRanges\":[{\"startDate\":\"7daysAgo\",\"endDate\":\"today\"}],"
				+ "\"dimensions\":[{\"name\":\"country\"}],\"metrics\":[{\"name\":\"activeUsers\"}],\"limit\":2}");
		assertThat(GOOGLE.assertions).hasSize(assertionsBefore + 1);
		var claims = GOOGLE.assertions.getLast();
		assertThat(claims.getIssuer()).startsWith("Store-");
		assertThat(claims.getClaim("scope")).isEqualTo("https://www.googleapis.com/auth/analytics.readonly");
		assertThat(claims.getAudience()).containsExactly(GOOGLE.tokenUri());
		Tool tool = toolbox.find(UUID.fromString(session.userId()), "analytics_report").orElseThrow();
		assertThat(tool.hints().readOnly()).isTrue();
		assertThat(tool.hints().openWorld()).isTrue();
	}

	@Test
	void reusesATokenUntilNearItsExpiryAndReplacesARevokedOne() {
		Session session = api.register();
		connected(session, "Cached", FakeGoogle.PROPERTY);
		GOOGLE.expiresIn = 3600;
		int before = GOOGLE.tokensIssued();

		assertThat(report(session, countries(1)).ok()).isTrue();
		assertThat(report(session, countries(1)).ok()).isTrue();
		assertThat(GOOGLE.tokensIssued()).isEqualTo(before + 1);

		GOOGLE.revokeTokens();
		ToolResult afterRevocation = report(session, countries(1));
		assertThat(afterRevocation.ok()).as(afterRevocation.content()).isTrue();
		assertThat(GOOGLE.tokensIssued()).isEqualTo(before + 2);
		assertThat(GOOGLE.reportTokens.getLast()).isEqualTo("ya29.fake-" + GOOGLE.tokensIssued());
	}

	@Test
	void fetchesANewTokenWhenTheCachedOneIsAboutToExpire() {
		Session session = api.register();
		connected(session, "Short", FakeGoogle.PROPERTY);
		GOOGLE.expiresIn = 30;
		try {
			int before = GOOGLE.tokensIssued();

			assertThat(report(session, countries(1)).ok()).isTrue();
			assertThat(report(session, countries(1)).ok()).isTrue();

			assertThat(GOOGLE.tokensIssued()).isEqualTo(before + 2);
		}
		finally {
			GOOGLE.expiresIn = 3600;
		}
	}

	@Test
	void googlesRefusalsBecomeFailedResultsWithItsMessage() {
		Session session = api.register();
		connected(session, "Forbidden", FakeGoogle.FORBIDDEN_PROPERTY);
		connected(session, "Fine", FakeGoogle.PROPERTY);

		ToolResult forbidden = report(session, Map.of("connection", "forbidden", "start_date", "2026-11-01", "end_date",
				"2026-11-30", "metrics", List.of("sessions")));
		ToolResult badMetric = report(session, Map.of("connection", "Fine", "start_date", "yesterday", "end_date", "today",
				"metrics", List.of("notAMetric")));
		ToolResult unnamed = report(session, Map.of("start_date", "today", "end_date", "today", "metrics", List.of("sessions")));

		assertThat(forbidden.ok()).isFalse();
		assertThat(forbidden.content()).isEqualTo("Error: Google Analytics refused the report (403 PERMISSION_DENIED): "
				+ "User does not have sufficient permissions for this property. To learn more about Property ID, see "
				+ "https://developers.google.com/analytics.");
		assertThat(badMetric.content()).startsWith(
				"Error: Google Analytics refused the report (400 INVALID_ARGUMENT): Field notAMetric is not a valid metric.");
		assertThat(unnamed.content()).isEqualTo(
				"Error: you have several Google Analytics connections; name one in connection: 'Forbidden', 'Fine'");
	}

	@Test
	void aKeyGoogleDoesNotKnowIsRefusedByTheTokenEndpoint() {
		Session session = api.register();
		assertThat(connect(session, "Stale", FakeGoogle.PROPERTY, GOOGLE.unknownKey("stale@parley-test.iam.gserviceaccount.com"))
			.status()).isEqualTo(201);

		ToolResult result = report(session, countries(1));

		assertThat(result.content())
			.isEqualTo("Error: Google refused the service account key (400 invalid_grant): Invalid JWT Signature.");
	}

	@Test
	void aTokenUriResolvingToARefusedAddressIsNotCalled() {
		Session session = api.register();
		String refused = GOOGLE.tokenUri().replace("127.0.0.1", TestHostNames.SECOND_LOOPBACK);
		int before = GOOGLE.tokensIssued();
		assertThat(connect(session, "Rebound", FakeGoogle.PROPERTY,
				GOOGLE.keyFile("rebound@parley-test.iam.gserviceaccount.com", refused, true))
			.status()).isEqualTo(201);

		ToolResult result = report(session, countries(1));

		assertThat(result.content())
			.isEqualTo("Error: the key's token_uri (redirector.example) is an address this server does not call");
		assertThat(GOOGLE.tokensIssued()).isEqualTo(before);
	}

	@Test
	void refusesBadArgumentsBeforeCallingGoogle() {
		Session session = api.register();
		connected(session, "Args", FakeGoogle.PROPERTY);
		int reports = GOOGLE.reportBodies.size();

		ToolResult result = report(session, Map.of("start_date", "last week", "end_date", "today", "metrics", List.of(),
				"dimensions", List.of("country; drop"), "limit", 0));

		assertThat(result.content()).isEqualTo("Error: start_date must be YYYY-MM-DD, today, yesterday or NdaysAgo; "
				+ "dimensions must be a list of up to 9 GA4 API names; metrics must be a list of up to 10 GA4 API names "
				+ "(at least one); limit must be a whole number from 1 to 1000");
		assertThat(GOOGLE.reportBodies).hasSize(reports);
	}

	/**
	 * No log line holds a service account key, a signed assertion or an access token, even with
	 * request bodies and HTTP clients (DEBUG) and SQL parameters (TRACE) logged.
	 */
	@Test
	void keepsKeysAssertionsAndTokensOutOfTheLogs(CapturedOutput output) {
		Map<String, LogLevel> previous = new LinkedHashMap<>();
		for (String logger : List.of("dev.parley", "dev.parley.access", "org.springframework.web",
				"org.springframework.security", "org.apache.hc.client5.http", "org.springframework.jdbc.core")) {
			LoggerConfiguration current = logging.getLoggerConfiguration(logger);
			previous.put(logger, current == null ? null : current.getConfiguredLevel());
			logging.setLogLevel(logger, logger.endsWith("jdbc.core") || logger.endsWith(".web") ? LogLevel.TRACE
					: LogLevel.DEBUG);
		}
		// The wire log dumps the bytes of a connection, secrets and all: an operator's deliberate choice.
		LoggerConfiguration wire = logging.getLoggerConfiguration("org.apache.hc.client5.http.wire");
		previous.put("org.apache.hc.client5.http.wire", wire == null ? null : wire.getConfiguredLevel());
		logging.setLogLevel("org.apache.hc.client5.http.wire", LogLevel.INFO);
		try {
			Session session = api.register();
			String keyFile = GOOGLE.newServiceAccount("logged-" + UUID.randomUUID() + "@parley-test.iam.gserviceaccount.com");
			String keyBody = JSON.readTree(keyFile).get("private_key").asString().lines().skip(1).findFirst().orElseThrow();
			int secretsBefore = GOOGLE.sentSecrets.size();

			Response created = connect(session, "Logged", FakeGoogle.PROPERTY, keyFile);
			ToolResult result = report(session, countries(1));

			assertThat(created.status()).isEqualTo(201);
			assertThat(result.ok()).as(result.content()).isTrue();
			// The logs were captured and do show the request, its body (masked), the SQL and the calls out.
			assertThat(output.getAll()).contains("/api/v1/data-connections")
				.contains("CreateConnectionRequest[kind=google_analytics, name=Logged")
				.containsIgnoringCase("insert into data_connections")
				.contains(">> POST /token HTTP/1.1")
				.contains("Writing [{\"dateRanges\"");
			assertThat(output.getAll()).doesNotContain(keyBody).doesNotContain("PRIVATE KEY");
			assertThat(GOOGLE.sentSecrets).hasSize(secretsBefore + 2);
			for (String secret : GOOGLE.sentSecrets) {
				assertThat(output.getAll()).doesNotContain(secret);
			}
		}
		finally {
			previous.forEach(logging::setLogLevel);
		}
	}
}
