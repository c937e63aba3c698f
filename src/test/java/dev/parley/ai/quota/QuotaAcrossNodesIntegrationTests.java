package dev.parley.ai.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes sharing PostgreSQL and Redis: this test's server and a second application started next
 * to it. Quota counters live in Redis, so what a user spends on one node holds on the other.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL })
class QuotaAcrossNodesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	QuotaStore store;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", TestRedis::url);
	}

	@Test
	void aQuotaSpentOnOneNodeHoldsOnTheOther() {
		assertThat(store).isInstanceOf(RedisQuotaStore.class);
		QuotaApi nodeA = new QuotaApi(api);
		String admin = nodeA.adminToken();
		Session session = api.register();
		nodeA.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 300}");
		String chat = nodeA.chat(session);
		Response spent = nodeA.turn(session, chat, "spend some tokens on node A", 100);
		assertThat(spent.status()).as(spent.body()).isEqualTo(200);
		long used = QuotaApi.tokens(spent);

		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ParleyApplication.class).run(
				"--server.port=0", "--spring.profiles.active=test", "--spring.data.redis.url=" + TestRedis.url(),
				"--parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL)) {
			ApiClient b = new ApiClient(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")));
			QuotaApi nodeB = new QuotaApi(b);

			JsonNode seen = nodeB.mine(session.accessToken());
			assertThat(seen.get("used").get("tokens_per_day").asLong()).isEqualTo(used);
			assertThat(seen.get("remaining").get("tokens_per_day").asLong()).isEqualTo(300 - used);
			// What node A's turn used leaves too little on node B for an answer of up to 290 tokens.
			Response refused = nodeB.turn(session, chat, "and more on node B", 290);
			assertThat(refused.status()).as(refused.body()).isEqualTo(429);
			assertThat(refused.json().get("violated-policies").toString()).isEqualTo("[\"user:tokens_per_day\"]");
			Response small = nodeB.turn(session, chat, "a little", 20);
			assertThat(small.status()).as(small.body()).isEqualTo(200);
			long total = used + QuotaApi.tokens(small);
			assertThat(nodeA.mine(session.accessToken()).get("used").get("tokens_per_day").asLong()).isEqualTo(total);
		}
	}
}
