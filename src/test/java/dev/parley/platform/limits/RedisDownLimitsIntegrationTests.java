package dev.parley.platform.limits;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis configured but not answering: limits on generation fail closed (503 with Retry-After), limits
 * on signing in and reading go on in this node's buckets; nothing is a 500. The same settings as
 * {@code RedisHealthIntegrationTests.WithRedisDown}, so the two share one application context.
 */
@IntegrationTest
@TestPropertySource(properties = { "spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.timeout=500ms",
		"spring.data.redis.connect-timeout=500ms" })
class RedisDownLimitsIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void generationIsRefusedAndSigningInAndReadingGoOn() {
		Session session = api.register();
		assertThat(api.get("/api/v1/chats", session.accessToken()).status()).isEqualTo(200);

		Response turn = api.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "hi"));

		assertThat(turn.status()).isEqualTo(503);
		assertThat(turn.contentType()).startsWith("application/problem+json");
		assertThat(turn.json().get("type").asString()).isEqualTo("https://parley.dev/problems/unavailable");
		assertThat(turn.header("Retry-After")).isNotNull();
		Response login = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", Session.PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.header("RateLimit-Policy")).isEqualTo("\"auth-address\";q=100000;w=60");
	}
}
