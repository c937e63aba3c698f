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
 * Usage metered from chat turns with {@code local/echo}, priced here at 1 USD per million prompt
 * tokens and 2 USD per million completion tokens so cost can be checked.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=usage-admin@example.com",
		"parley.ai.models[0].id=local/echo", "parley.ai.models[0].input-per-mtok=1",
		"parley.ai.models[0].output-per-mtok=2" })
class UsageIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void totalsMatchTheTokensTheModelReported() {
		ApiClient.Session session = api.register();
		String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Metered")).json().get("id")
			.asString();
		JsonNode first = turn(session, chatId, "one two three");
		JsonNode second = turn(session, chatId, "four five");
		long prompt = first.get("prompt_tokens").asLong() + second.get("prompt_tokens").asLong();
		long completion = first.get("completion_tokens").asLong() + second.get("completion_tokens").asLong();

		JsonNode report = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/analytics/usage?group_by=model", session.accessToken()).json(),
					json -> json.get("totals").get("requests").asLong() == 2);

		JsonNode totals = report.get("totals");
		assertThat(totals.get("prompt_tokens").asLong()).isEqualTo(prompt);
		assertThat(totals.get("completion_tokens").asLong()).isEqualTo(completion);
		assertThat(totals.get("total_tokens").asLong()).isEqualTo(prompt + completion);
		BigDecimal expectedCost = BigDecimal.valueOf(prompt + 2 * completion).movePointLeft(6);
		assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo(expectedCost);
		assertThat(report.get("groups")).hasSize(1);
		assertThat(report.get("groups").get(0).get("key").asString()).isEqualTo("local/echo");
		JsonNode byDay = api.get("/api/v1/analytics/usage?group_by=day", session.accessToken()).json();
		assertThat(byDay.get("groups").get(0).get("key").asString())
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
	}

	@Test
	void usersSeeOnlyTheirOwnUsage() {
		ApiClient.Session busy = api.register();
		String chatId = api.post("/api/v1/chats", busy.accessToken(), map("title", "Mine")).json().get("id").asString();
		turn(busy, chatId, "counted for me");
		ApiClient.Session idle = api.register();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/analytics/usage", busy.accessToken()).json().get("totals").get("requests")
				.asLong() == 1);
		assertThat(api.get("/api/v1/analytics/usage", idle.accessToken()).json().get("totals").get("requests").asLong())
			.isZero();
		Response snooping = api.get("/api/v1/analytics/usage?user_id=" + busy.userId(), idle.accessToken());
		assertThat(snooping.status()).isEqualTo(400);
		assertThat(snooping.json().get("errors").get(0).get("field").asString()).isEqualTo("user_id");
	}

	@Test
	void adminsSeeAnyUsersUsage() {
		ApiClient.Session user = api.register();
		String chatId = api.post("/api/v1/chats", user.accessToken(), map("title", "Audited")).json().get("id").asString();
		turn(user, chatId, "audit me");
		String admin = adminToken();

		JsonNode report = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/analytics/usage?user_id=" + user.userId(), admin).json(),
					json -> json.get("totals").get("requests").asLong() == 1);
		assertThat(report.get("user_id").asString()).isEqualTo(user.userId());
		JsonNode everyone = api.get("/api/v1/analytics/usage", admin).json();
		assertThat(everyone.get("user_id").isNull()).isTrue();
		assertThat(everyone.get("totals").get("requests").asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void refusesAnInvalidQuery() {
		ApiClient.Session session = api.register();
		assertThat(api.get("/api/v1/analytics/usage?group_by=color", session.accessToken()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/usage?from=yesterday", session.accessToken()).status()).isEqualTo(400);
	}

	private JsonNode turn(ApiClient.Session session, String chatId, String content) {
		Response turn = api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", content));
		assertThat(turn.status()).isEqualTo(200);
		return turn.json().get("assistant_message").get("usage");
	}

	private String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", "usage-admin@example.com", "password", "a long enough passphrase"));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null,
						map("email", "usage-admin@example.com", "password", "a long enough passphrase"));
		assertThat(session.json().get("user").get("role").asString()).isEqualTo("admin");
		return session.json().get("access_token").asString();
	}
}
