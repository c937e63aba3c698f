package dev.parley.platform.limits;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two Parley nodes sharing PostgreSQL and Redis: node A is this test's server, node B a second
 * application started beside it. A limit spent on one node holds on the other, and a revocation on
 * one node (logout, key deletion, password change, role change, account deletion) holds on the other
 * within a second although both cache what they read of sessions and keys.
 */
@IntegrationTest
@TestPropertySource(properties = TwoNodeLimitsAndRevocationIntegrationTests.USER_MESSAGES)
class TwoNodeLimitsAndRevocationIntegrationTests {

	static final String USER_MESSAGES = "parley.platform.limits.user-messages=3";

	static ConfigurableApplicationContext nodeB;

	static ApiClient b;

	@Autowired
	ApiClient a;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", TestRedis::url);
	}

	@BeforeAll
	static void startNodeB() {
		nodeB = new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
				"--spring.profiles.active=test", "--spring.data.redis.url=" + TestRedis.url(), "--" + USER_MESSAGES);
		b = new ApiClient(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void messagesSpentOnOneNodeAreSpentOnTheOther() {
		Session session = a.register();
		for (int i = 0; i < 2; i++) {
			assertThat(a.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "hi " + i)).status())
				.isEqualTo(200);
		}
		Response last = b.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "on b"));
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.header("RateLimit")).startsWith("\"user-messages\";r=0;");

		Response refusedOnA = a.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "again"));
		Response refusedOnB = b.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "again"));

		assertThat(refusedOnA.status()).isEqualTo(429);
		assertThat(refusedOnB.status()).isEqualTo(429);
		assertThat(refusedOnB.header("Retry-After")).isNotNull();
	}

	@Test
	void anApiKeysRequestsPerMinuteSpentOnOneNodeAreSpentOnTheOther() {
		Session session = a.register();
		String key = a.post("/api/v1/api-keys", session.accessToken(), map("name", "shared", "rpm", 2)).json()
			.get("key").asString();
		assertThat(completion(a, key).status()).isEqualTo(200);
		assertThat(completion(b, key).status()).isEqualTo(200);

		Response refused = completion(a, key);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(completion(b, key).status()).isEqualTo(429);
	}

	@Test
	void aLogoutOnOneNodeHoldsOnTheOtherWithinASecond() {
		Session session = a.register();
		assertThat(b.get("/api/v1/chats", session.accessToken()).status()).isEqualTo(200);

		assertThat(a.post("/api/v1/auth/logout", session.accessToken(), map()).status()).isEqualTo(204);

		assertThat(a.get("/api/v1/chats", session.accessToken()).status()).isEqualTo(401);
		awaitRefused(b, session.accessToken());
	}

	@Test
	void aDeletedKeyIsRefusedOnTheOtherNodeWithinASecond() {
		Session session = a.register();
		JsonNode created = a.post("/api/v1/api-keys", session.accessToken(), map("name", "doomed")).json();
		String key = created.get("key").asString();
		assertThat(b.get("/api/v1/chats", key).status()).isEqualTo(200);

		assertThat(a.delete("/api/v1/api-keys/" + created.get("id").asString(), session.accessToken()).status())
			.isEqualTo(204);

		assertThat(a.get("/api/v1/chats", key).status()).isEqualTo(401);
		awaitRefused(b, key);
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsOnEveryNodeWithinASecond() {
		Session session = a.register();
		String other = b.post("/api/v1/auth/login", null, map("email", session.email(), "password", Session.PASSWORD))
			.json()
			.get("access_token")
			.asString();
		assertThat(b.get("/api/v1/chats", other).status()).isEqualTo(200);

		assertThat(a.post("/api/v1/users/me/password", session.accessToken(),
				map("current_password", Session.PASSWORD, "new_password", "another long enough passphrase")).status())
			.isEqualTo(204);

		awaitRefused(b, other);
		assertThat(b.get("/api/v1/chats", session.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void aRoleChangeHoldsOnEveryNodeWithinASecond() {
		Session session = a.register();
		String role = a.get("/api/v1/auth/me", session.accessToken()).json().get("role").asString();
		boolean admin = role.equals("admin");
		int before = admin ? 200 : 403;
		assertThat(b.get("/api/v1/admin/flags", session.accessToken()).status()).isEqualTo(before);

		jdbc.sql("update users set role = ? where id = ?")
			.params(admin ? "USER" : "ADMIN", UUID.fromString(session.userId()))
			.update();

		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(b.get("/api/v1/admin/flags", session.accessToken()).status())
				.isEqualTo(admin ? 403 : 200));
	}

	@Test
	void aDeletedAccountIsRefusedOnEveryNodeWithinASecond() {
		Session session = a.register();
		String key = a.post("/api/v1/api-keys", session.accessToken(), map("name", "orphan")).json().get("key")
			.asString();
		assertThat(b.get("/api/v1/chats", session.accessToken()).status()).isEqualTo(200);
		assertThat(b.get("/api/v1/chats", key).status()).isEqualTo(200);

		jdbc.sql("delete from users where id = ?").params(UUID.fromString(session.userId())).update();

		awaitRefused(b, session.accessToken());
		awaitRefused(b, key);
	}

	/** The next request after at most a second is refused ({@code parley.identity.auth-cache.ttl}). */
	private static void awaitRefused(ApiClient node, String credential) {
		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(node.get("/api/v1/chats", credential).status()).isEqualTo(401));
	}

	private static Response completion(ApiClient node, String key) {
		return node.post("/v1/chat/completions", key,
				map("model", "local/echo", "messages", List.of(map("role", "user", "content", "hi"))));
	}
}
