package dev.parley.platform;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PlatformIntegrationTests {

	private static final int ONE_MIB = 1024 * 1024;

	@Autowired
	ApiClient api;

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
	void reportsHealth() {
		Response health = api.get("/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").has("db")).isTrue();
		Response db = api.get("/health/db", null);
		assertThat(db.status()).isEqualTo(200);
		assertThat(db.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		api.get("/health", null);
		Response metrics = api.get("/metrics", null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
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

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("\"trace\"", "\"exception\"");
	}
}
