package dev.parley.platform;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformIntegrationTests {

	private static final int ONE_MIB = 1024 * 1024;

	@Autowired
	ApiClient api;

	@Autowired
	LoggingSystem loggingSystem;

	@Test
	void givesEveryResponseARequestId() {
		Response generated = api.get("/health", null);
		assertThat(generated.header("X-Request-Id")).isNotBlank();
		Response echoed = api.send(api.request("/health", null).header("X-Request-Id", "trace-42").GET());
		assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42");
	}

	@Test
	void answersUnknownRoutesWithAProblem() {
		ApiClient.Session session = api.register();
		Response response = api.get("/api/v1/nothing-here", session.accessToken());
		assertProblem(response, 404);
	}

	@Test
	void answersAWrongMethodWith405() {
		ApiClient.Session session = api.register();
		assertProblem(api.delete("/api/v1/auth/me", session.accessToken()), 405);
	}

	@Test
	void answersAnUnsupportedContentTypeWith415() {
		Response response = api.raw("POST", "/api/v1/auth/register", null, "text/plain", "email=x");
		assertProblem(response, 415);
	}

	@Test
	void typesEveryProblem() {
		String token = api.register().accessToken();
		assertTypedProblem(api.get("/api/v1/nothing-here", token), 404, "not-found");
		assertTypedProblem(api.get("/nothing-here", token), 404, "not-found");
		assertTypedProblem(api.delete("/api/v1/auth/me", token), 405, "method-not-allowed");
		assertTypedProblem(api.send(api.request("/api/v1/auth/me", token).header("Accept", "application/xml").GET()), 406,
				"not-acceptable");
		assertTypedProblem(api.raw("POST", "/api/v1/auth/register", null, "text/plain", "email=x"), 415,
				"unsupported-media-type");
		assertTypedProblem(api.get("/api/v1/testing/failure", token), 500, "internal-error");
		assertTypedProblem(api.get("/nothing-here", null), 401, "unauthenticated");
	}

	@Test
	void refusesTraceWithTheHeadersOfEveryResponse() {
		String token = api.register().accessToken();
		Response trace = api.send(api.request("/api/v1/auth/me", token)
			.header("X-Request-Id", "trace-me-1")
			.method("TRACE", HttpRequest.BodyPublishers.noBody()));
		assertTypedProblem(trace, 405, "method-not-allowed");
		assertThat(trace.header("X-Request-Id")).isEqualTo("trace-me-1");
		assertThat(trace.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(trace.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(trace.body()).doesNotContain(token, "Authorization");
		Response anonymous = api.send(api.request("/nothing", null).method("TRACE", HttpRequest.BodyPublishers.noBody()));
		assertTypedProblem(anonymous, 405, "method-not-allowed");
	}

	@Test
	void logsTheRequestIdInTheTextLineOfEveryRequest(CapturedOutput output) {
		loggingSystem.setLogLevel("dev.parley.access", LogLevel.INFO);
		try {
			api.send(api.request("/api/v1/nothing-logged", null).header("X-Request-Id", "quote-me-4711").GET());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getOut().lines()
					.filter(line -> line.contains("GET /api/v1/nothing-logged 401"))
					.toList()).singleElement().asString().contains("quote-me-4711"));
		}
		finally {
			loggingSystem.setLogLevel("dev.parley.access", LogLevel.WARN);
		}
	}

	@Test
	void answersMalformedJsonWith400() {
		Response response = api.raw("POST", "/api/v1/auth/register", null, "application/json", "{\"email\": ");
		assertProblem(response, 400);
		assertThat(response.json().get("detail").asString()).contains("not valid JSON");
	}

	@Test
	void refusesADeclaredBodyOverOneMebibyte() {
		Response response = api.raw("POST", "/api/v1/auth/register", null, "application/json",
				"{\"email\": \"" + "a".repeat(ONE_MIB) + "\"}");
		assertProblem(response, 413);
	}

	@Test
	void refusesAChunkedBodyOverOneMebibyte() {
		byte[] body = new byte[ONE_MIB + 100];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		Response response = api.send(api.request("/api/v1/auth/register", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertProblem(response, 413);
	}

	@Test
	void hidesInternalsOfUnexpectedFailures() {
		ApiClient.Session session = api.register();
		Response response = api.get("/api/v1/testing/failure", session.accessToken());
		assertProblem(response, 500);
		assertThat(response.body()).doesNotContain("hunter2", "jdbc:", "Exception", "at dev.parley");
		assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void needsABearerTokenForTheApi() {
		Response response = api.get("/api/v1/users/me", null);
		assertProblem(response, 401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void reportsHealthToAnyoneWithoutItsComponents() {
		Response health = api.get("/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().has("components")).isFalse();
		Response db = api.get("/health/db", null);
		assertThat(db.status()).isEqualTo(200);
		assertThat(db.json().get("status").asString()).isEqualTo("UP");
		assertThat(db.json().has("details")).isFalse();
		assertThat(db.json().has("components")).isFalse();
		Response ping = api.get("/health/ping", null);
		assertThat(ping.status()).isEqualTo(200);
		assertThat(ping.json().get("status").asString()).isEqualTo("UP");
		Response asUser = api.get("/health", api.register().accessToken());
		assertThat(asUser.json().has("components")).isFalse();
	}

	@Test
	void keepsMetricsFromAnonymousCallersAndUsers() {
		Response anonymous = api.get("/metrics", null);
		assertProblem(anonymous, 401);
		assertThat(anonymous.body()).doesNotContain("jvm_memory_used_bytes");
		assertProblem(api.get("/metrics", api.register().accessToken()), 403);
		// Without PARLEY_METRICS_TOKEN no bearer value is a metrics token, not even an empty one.
		assertProblem(api.get("/metrics", "not-a-token"), 401);
		assertProblem(api.send(api.request("/metrics", null).header("Authorization", "Bearer ").GET()), 401);
	}

	@Test
	void documentsTheApi() {
		Response openApi = api.get("/openapi.json", null);
		assertThat(openApi.status()).isEqualTo(200);
		var document = openApi.json();
		assertThat(document.get("paths").has("/api/v1/auth/register")).isTrue();
		assertThat(document.get("paths").has("/api/v1/users/me")).isTrue();
		assertThat(document.get("paths").propertyNames()).contains("/api/v1/chats", "/api/v1/chats/{id}",
				"/api/v1/chats/{chatId}/messages", "/api/v1/chats/{chatId}/completions", "/api/v1/messages/{id}/stream",
				"/api/v1/messages/{id}/cancel", "/api/v1/ai/models", "/api/v1/ai/generate", "/api/v1/api-keys",
				"/api/v1/integrations", "/api/v1/integrations/{id}/test", "/api/v1/analytics/usage",
				"/v1/chat/completions", "/v1/models");
		assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(document.get("components").get("schemas").get("RegisterRequest").get("properties").has("email"))
			.isTrue();
		assertThat(document.get("components").get("schemas").get("TokenResponse").get("properties").has("access_token"))
			.isTrue();
		Response docs = api.get("/docs", null);
		assertThat(docs.status()).isEqualTo(302);
		String swaggerUi = java.net.URI.create(docs.header("Location")).getPath();
		Response page = api.get(swaggerUi, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(api.get("/redoc", null).body()).contains("<redoc spec-url=\"/openapi.json\">");
	}

	@Test
	void ignoresUnknownJsonFields() {
		Response response = api.post("/api/v1/auth/login", null,
				map("email", "nobody@example.com", "password", "whatever it is", "unexpected", true));
		assertThat(response.status()).isEqualTo(401);
	}

	private static void assertTypedProblem(Response response, int status, String type) {
		assertProblem(response, status);
		assertThat(response.json().path("type").asString()).isEqualTo(ProblemKind.TYPE_BASE + type);
		assertThat(response.json().path("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("\"trace\"", "\"exception\"");
	}
}
