package dev.parley.analytics;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Chat statistics and the admins' cost view, from real chat turns with {@code local/echo} priced
 * at 1 USD per million prompt tokens and 2 per million completion tokens.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + ChatStatsIntegrationTests.ADMIN,
		"parley.ai.models[0].id=local/echo", "parley.ai.models[0].input-per-mtok=1",
		"parley.ai.models[0].output-per-mtok=2" })
class ChatStatsIntegrationTests {

	static final String ADMIN = "stats-admin@example.com";

	@Autowired
	ApiClient api;

	@Test
	void countsChatsMessagesAndRepliesWithTheirSpeedAndCost() {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		String first = chat(token, "One");
		String second = chat(token, "Two");
		JsonNode a = turn(token, first, "alpha beta");
		JsonNode b = turn(token, first, "gamma");
		JsonNode c = turn(token, second, "delta epsilon zeta");
		long prompt = a.get("prompt_tokens").asLong() + b.get("prompt_tokens").asLong() + c.get("prompt_tokens").asLong();
		long completion = a.get("completion_tokens").asLong() + b.get("completion_tokens").asLong()
				+ c.get("completion_tokens").asLong();

		JsonNode stats = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/analytics/chats/stats", token).json(),
					json -> json.get("replies").get("replies").asLong() == 3);
		assertThat(stats.get("chats").asLong()).isEqualTo(2);
		assertThat(stats.get("messages").asLong()).isEqualTo(3);
		JsonNode replies = stats.get("replies");
		assertThat(replies.get("prompt_tokens").asLong()).isEqualTo(prompt);
		assertThat(replies.get("completion_tokens").asLong()).isEqualTo(completion);
		assertThat(replies.get("cost_usd").decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(prompt + 2 * completion).movePointLeft(6));
		assertThat(replies.get("average_latency_ms").isNumber()).isTrue();
		assertThat(replies.get("average_time_to_first_token_ms").isNumber()).isTrue();
		assertThat(stats.get("by_model")).hasSize(1);
		assertThat(stats.get("by_model").get(0).get("key").asString()).isEqualTo("local/echo");
		JsonNode today = stats.get("by_day").get(0);
		assertThat(today.get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(today.get("chats").asLong()).isEqualTo(2);
		assertThat(today.get("messages").asLong()).isEqualTo(3);
		assertThat(today.get("replies").get("replies").asLong()).isEqualTo(3);

		JsonNode stranger = api.get("/api/v1/analytics/chats/stats", api.register().accessToken()).json();
		assertThat(stranger.get("chats").asLong()).isZero();
		assertThat(stranger.get("replies").get("replies").asLong()).isZero();
		assertThat(stranger.get("replies").get("average_latency_ms").isNull()).isTrue();
	}

	@Test
	void givesAdminsTheCostViewByUserModelProviderAndDayAsJsonAndCsv() {
		ApiClient.Session spender = api.register();
		String chatId = chat(spender.accessToken(), "Costly");
		turn(spender.accessToken(), chatId, "a fairly long prompt to cost something");
		String admin = adminToken();
		JsonNode byUser = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/admin/usage?group_by=user&top=1000", admin).json(),
					json -> hasKey(json, spender.userId()));
		assertThat(byUser.get("group_by").asString()).isEqualTo("user");
		assertThat(byUser.get("totals").get("requests").asLong()).isGreaterThanOrEqualTo(1);
		BigDecimal previous = null;
		for (JsonNode group : byUser.get("groups")) {
			BigDecimal cost = group.get("cost_usd").decimalValue();
			if (previous != null) {
				assertThat(cost).isLessThanOrEqualTo(previous);
			}
			previous = cost;
		}
		assertThat(api.get("/api/v1/admin/usage?group_by=top", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/usage?top=0", admin).status()).isEqualTo(400);
		JsonNode byProvider = api.get("/api/v1/admin/usage?group_by=provider", admin).json();
		assertThat(hasKey(byProvider, "local")).isTrue();
		assertThat(api.get("/api/v1/admin/usage?group_by=model&top=1", admin).json().get("groups")).hasSize(1);

		Response csv = api.send(api.request("/api/v1/admin/usage?group_by=user&top=1000", admin)
			.header("Accept", "text/csv").GET());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("usage-by-user.csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("user,requests,prompt_tokens,completion_tokens,total_tokens,cost_usd");
		assertThat(csv.body()).contains(spender.userId() + ",");

		Response refused = api.get("/api/v1/admin/usage", spender.accessToken());
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void quotesCsvFieldsThatNeedIt() {
		assertThat(AdminUsageController.csvField("openai/gpt-4o")).isEqualTo("openai/gpt-4o");
		assertThat(AdminUsageController.csvField("a,b")).isEqualTo("\"a,b\"");
		assertThat(AdminUsageController.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
	}

	private static boolean hasKey(JsonNode view, String key) {
		for (JsonNode group : view.get("groups")) {
			if (group.get("key").asString().equals(key)) {
				return true;
			}
		}
		return false;
	}

	private String chat(String token, String title) {
		return api.post("/api/v1/chats", token, map("title", title)).json().get("id").asString();
	}

	private JsonNode turn(String token, String chatId, String content) {
		Response turn = api.post("/api/v1/chats/" + chatId + "/completions", token, map("content", content));
		assertThat(turn.status()).isEqualTo(200);
		return turn.json().get("assistant_message").get("usage");
	}

	private String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN, "password", "a long enough passphrase"));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN, "password", "a long enough passphrase"));
		return session.json().get("access_token").asString();
	}
}
