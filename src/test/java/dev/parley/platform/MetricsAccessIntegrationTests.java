package dev.parley.platform;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@code /metrics} and the components of {@code /health}: for the metrics token and admins only. */
@IntegrationTest
@TestPropertySource(properties = { "parley.platform.metrics-token=" + MetricsAccessIntegrationTests.METRICS_TOKEN,
		"parley.identity.admin-email=" + MetricsAccessIntegrationTests.ADMIN_EMAIL })
class MetricsAccessIntegrationTests {

	static final String METRICS_TOKEN = "scrape-me-with-this-long-random-token";

	static final String ADMIN_EMAIL = "metrics-admin@example.com";

	@Autowired
	ApiClient api;

	@Test
	void servesMetricsToTheMetricsToken() {
		api.get("/health", null);
		Response metrics = api.get("/metrics", METRICS_TOKEN);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
		assertThat(metrics.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void servesMetricsToAdminsOnly() {
		String admin = adminToken();
		assertThat(api.get("/metrics", admin).status()).isEqualTo(200);
		String adminKey = api.post("/api/v1/api-keys", admin, map("name", "prometheus")).json().get("key").asString();
		assertThat(api.get("/metrics", adminKey).status()).isEqualTo(200);
		assertThat(api.get("/metrics", api.register().accessToken()).status()).isEqualTo(403);
	}

	@Test
	void refusesAWrongOrMissingMetricsToken() {
		assertThat(api.get("/metrics", null).status()).isEqualTo(401);
		assertThat(api.get("/metrics", METRICS_TOKEN + "x").status()).isEqualTo(401);
		assertThat(api.get("/metrics", METRICS_TOKEN.substring(1)).status()).isEqualTo(401);
	}

	@Test
	void theMetricsTokenIsNoUser() {
		Response me = api.get("/api/v1/auth/me", METRICS_TOKEN);
		assertThat(me.status()).isEqualTo(401);
		assertThat(api.get("/api/v1/chats", METRICS_TOKEN).status()).isEqualTo(401);
	}

	@Test
	void showsHealthComponentsToTheMetricsTokenAndAdmins() {
		assertThat(api.get("/health", null).json().has("components")).isFalse();
		Response scraped = api.get("/health", METRICS_TOKEN);
		assertThat(scraped.json().get("status").asString()).isEqualTo("UP");
		assertThat(scraped.json().get("components").get("database").get("status").asString()).isEqualTo("UP");
		assertThat(scraped.json().get("components").get("database").has("details")).isFalse();
		assertThat(api.get("/health", adminToken()).json().get("components").has("database")).isTrue();
		assertThat(api.get("/health", api.register().accessToken()).json().has("components")).isFalse();
	}

	private String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN_EMAIL, "password", ApiClient.Session.PASSWORD));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN_EMAIL, "password", ApiClient.Session.PASSWORD));
		assertThat(session.json().get("user").get("role").asString()).isEqualTo("admin");
		return session.json().get("access_token").asString();
	}
}
