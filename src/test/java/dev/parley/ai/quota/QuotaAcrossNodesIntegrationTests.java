package dev.parley.ai.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes sharing their store: this test's server and a second application started next to it.
 * What a user spends on one node holds on the other.
 */
abstract class QuotaAcrossNodesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	QuotaStore store;

	/** The store the nodes share. */
	abstract Class<? extends QuotaStore> sharedStore();

	/** The second node's settings besides the server port and the admin. */
	abstract String[] otherNodeSettings();

	@Test
	void aQuotaSpentOnOneNodeHoldsOnTheOther() {
		assertThat(store).isInstanceOf(sharedStore());
		QuotaApi nodeA = new QuotaApi(api);
		String admin = nodeA.adminToken();
		Session session = api.register();
		nodeA.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 300}");
		String chat = nodeA.chat(session);
		Response spent = nodeA.turn(session, chat, "spend some tokens on node A", 100);
		assertThat(spent.status()).as(spent.body()).isEqualTo(200);
		long used = QuotaApi.tokens(spent);

		String[] settings = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--server.port=0", "--spring.profiles.active=test",
					"--parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL), java.util.Arrays.stream(otherNodeSettings()))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ParleyApplication.class).run(settings)) {
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
