package dev.parley.platform.limits;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two Parley nodes sharing PostgreSQL and Redis: node A is this test's server, node B a second
 * application started beside it. A limit spent on one node holds on the other.
 */
@IntegrationTest
@TestPropertySource(properties = TwoNodeLimitsIntegrationTests.USER_MESSAGES)
class TwoNodeLimitsIntegrationTests {

	static final String USER_MESSAGES = "parley.platform.limits.user-messages=3";

	static ConfigurableApplicationContext nodeB;

	static ApiClient b;

	@Autowired
	ApiClient a;

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
}
