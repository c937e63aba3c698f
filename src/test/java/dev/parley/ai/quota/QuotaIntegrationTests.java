package dev.parley.ai.quota;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.Reply;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Quotas over HTTP on one node, counted in PostgreSQL: {@code local/echo} priced at 1 USD per
 * million prompt tokens and 2 per million completion tokens; a fake OpenAI that refuses every
 * request for the failed generations.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL,
		"parley.ai.models[0].id=local/echo", "parley.ai.models[0].input-per-mtok=1",
		"parley.ai.models[0].output-per-mtok=2" })
class QuotaIntegrationTests {

	static final FakeProvider refusing = FakeProvider
		.start(received -> Reply.json(400, "{\"error\": {\"message\": \"no\", \"type\": \"invalid_request_error\"}}"));

	@Autowired
	ApiClient api;

	QuotaApi quotas;

	String admin;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-server-key-0123456789");
		registry.add("parley.ai.openai.base-url", () -> refusing.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		refusing.close();
	}

	@BeforeEach
	void signIn() {
		quotas = new QuotaApi(api);
		admin = quotas.adminToken();
	}

	@Test
	void aSpentDailyTokenQuotaStopsTheNextTurnUntilMidnight() {
		Session session = api.register();
		quotas.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 200}");
		String chat = quotas.chat(session);

		Response first = quotas.turn(session, chat, "one two three", 100);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		long spent = QuotaApi.tokens(first);
		// The estimate held for this one (its prompt and 190 answer tokens) no longer fits.
		Response refused = quotas.turn(session, chat, "four", 190);

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://parley.dev/problems/quota-exceeded");
		assertThat(refused.json().get("violated-policies").toString()).isEqualTo("[\"user:tokens_per_day\"]");
		long untilMidnight = Duration.between(Instant.now(),
				LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(untilMidnight - 5, untilMidnight + 5);

		JsonNode mine = quotas.mine(session.accessToken());
		assertThat(mine.get("limits").get("tokens_per_day").asLong()).isEqualTo(200);
		assertThat(mine.get("used").get("tokens_per_day").asLong()).isEqualTo(spent);
		assertThat(mine.get("remaining").get("tokens_per_day").asLong()).isEqualTo(200 - spent);
		assertThat(mine.get("limits").get("tokens_per_month").isNull()).isTrue();
		assertThat(Instant.parse(mine.get("resets_at").get("tokens_per_day").asString()))
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		// The refused turn's run ended at once, failed with the reason; none is left running.
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		assertThat(runs.findValuesAsString("status")).containsExactlyInAnyOrder("completed", "failed");
		// A smaller answer still fits in what is left.
		assertThat(quotas.turn(session, chat, "five", 10).status()).isEqualTo(200);
	}

	@Test
	void usageIsSettledAtItsActualTokensAndCost() {
		Session session = api.register();
		quotas.set(admin, "users/" + session.userId(), "{\"tokens_per_month\": 100000, \"usd_per_day\": 5}");
		String chat = quotas.chat(session);

		Response turn = quotas.turn(session, chat, "count these words please", 1000);
		assertThat(turn.status()).as(turn.body()).isEqualTo(200);

		JsonNode usage = turn.json().get("assistant_message").get("usage");
		long prompt = usage.get("prompt_tokens").asLong();
		long completion = usage.get("completion_tokens").asLong();
		JsonNode mine = quotas.mine(session.accessToken());
		assertThat(mine.get("used").get("tokens_per_month").asLong()).isEqualTo(prompt + completion);
		assertThat(mine.get("remaining").get("tokens_per_month").asLong()).isEqualTo(100000 - prompt - completion);
		assertThat(mine.get("used").get("usd_per_day").decimalValue())
			.isEqualByComparingTo(java.math.BigDecimal.valueOf(prompt + 2 * completion).movePointLeft(6));
		assertThat(mine.get("limits").get("usd_per_day").decimalValue()).isEqualByComparingTo("5");
	}

	@Test
	void aFailedGenerationGivesItsReservationBack() {
		Session session = api.register();
		quotas.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 1000}");

		Response failed = quotas.generate(session.accessToken(), "openai/gpt-4o-mini", 900);

		assertThat(failed.status()).as(failed.body()).isEqualTo(502);
		JsonNode mine = quotas.mine(session.accessToken());
		assertThat(mine.get("used").get("tokens_per_day").asLong()).isZero();
		assertThat(mine.get("remaining").get("tokens_per_day").asLong()).isEqualTo(1000);
		// The whole quota is there again for the next request.
		assertThat(quotas.generate(session.accessToken(), "local/echo", 900).status()).isEqualTo(200);
	}

	@Test
	void anApiKeysQuotaAppliesOnlyToRequestsMadeWithThatKey() {
		Session session = api.register();
		Response created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "metered"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String key = created.json().get("key").asString();
		quotas.set(admin, "api-keys/" + created.json().get("id").asString(), "{\"requests_per_minute\": 1}");

		assertThat(quotas.generate(key, "local/echo", 20).status()).isEqualTo(200);
		Response refused = quotas.generate(key, "local/echo", 20);
		if (refused.status() == 200) {
			// The first request fell at the end of a minute: the next minute has its own count.
			refused = quotas.generate(key, "local/echo", 20);
		}

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.json().get("violated-policies").toString()).isEqualTo("[\"api_key:requests_per_minute\"]");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(quotas.generate(session.accessToken(), "local/echo", 20).status()).isEqualTo(200);
		assertThat(quotas.mine(key).get("limits").get("requests_per_minute").asLong()).isEqualTo(1);
		assertThat(quotas.mine(session.accessToken()).get("limits").get("requests_per_minute").isNull()).isTrue();
	}

	@Test
	void aRolesQuotaAppliesToEachOfItsUsers() {
		// The admin role: its only user is this test's admin, so no other test is held back by it.
		quotas.set(admin, "roles/admin", "{\"tokens_per_day\": 1000000, \"requests_per_minute\": 1}");
		try {
			assertThat(quotas.generate(admin, "local/echo", 20).status()).isEqualTo(200);
			Response refused = quotas.generate(admin, "local/echo", 20);
			if (refused.status() == 200) {
				refused = quotas.generate(admin, "local/echo", 20);
			}
			assertThat(refused.status()).as(refused.body()).isEqualTo(429);
			assertThat(refused.json().get("violated-policies").toString()).isEqualTo("[\"role:requests_per_minute\"]");
			Session user = api.register();
			assertThat(quotas.generate(user.accessToken(), "local/echo", 20).status()).isEqualTo(200);
		}
		finally {
			assertThat(api.delete("/api/v1/admin/quotas/roles/admin", admin).status()).isEqualTo(204);
		}
	}

	@Test
	void theStricterOfTheUsersAndTheRolesLimitApplies() {
		Session session = api.register();
		quotas.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 50000}");
		quotas.set(admin, "roles/admin", "{\"tokens_per_day\": 100}");
		try {
			// The role's limit is for admins; this user has only their own.
			assertThat(quotas.mine(session.accessToken()).get("limits").get("tokens_per_day").asLong())
				.isEqualTo(50000);
			assertThat(quotas.mine(admin).get("limits").get("tokens_per_day").asLong()).isEqualTo(100);
			Response refused = quotas.generate(admin, "local/echo", 200);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("violated-policies").toString()).isEqualTo("[\"role:tokens_per_day\"]");
		}
		finally {
			api.delete("/api/v1/admin/quotas/roles/admin", admin);
		}
	}

	@Test
	void adminsSetReadAndRemoveQuotas() {
		Session session = api.register();
		String path = "users/" + session.userId();

		Response put = quotas.put(admin, path, "{\"tokens_per_day\": 10, \"usd_per_month\": 2.5}");
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("subject_type").asString()).isEqualTo("user");
		assertThat(put.json().get("subject_id").asString()).isEqualTo(session.userId());
		assertThat(put.json().get("usd_per_month").decimalValue()).isEqualByComparingTo("2.5");
		assertThat(put.json().get("tokens_per_month").isNull()).isTrue();
		assertThat(api.get("/api/v1/admin/quotas/" + path, admin).json().get("tokens_per_day").asLong()).isEqualTo(10);
		assertThat(api.get("/api/v1/admin/quotas", admin).json().get("items").toString()).contains(session.userId());

		assertThat(api.delete("/api/v1/admin/quotas/" + path, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/admin/quotas/" + path, admin).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/admin/quotas/" + path, admin).status()).isEqualTo(404);
		assertThat(quotas.mine(session.accessToken()).get("limits").get("tokens_per_day").isNull()).isTrue();
	}

	@Test
	void refusesInvalidLimitsNamingEveryField() {
		Session session = api.register();

		Response invalid = quotas.put(admin, "users/" + session.userId(),
				"{\"tokens_per_day\": -1, \"tokens_per_month\": 2000000000000000000, \"usd_per_day\": 0.0000001, "
						+ "\"usd_per_month\": -3, \"requests_per_minute\": 2000000}");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("tokens_per_day",
				"tokens_per_month", "usd_per_day", "usd_per_month", "requests_per_minute");
		Response empty = quotas.put(admin, "users/" + session.userId(), "{}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("tokens_per_day");
		Response unknownField = quotas.put(admin, "users/" + session.userId(), "{\"tokens_per_week\": 5}");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(quotas.put(admin, "roles/wizard", "{\"tokens_per_day\": 5}").status()).isEqualTo(404);
		assertThat(quotas.put(admin, "users/not-a-uuid", "{\"tokens_per_day\": 5}").status()).isEqualTo(404);
	}

	@Test
	void onlyAdminsManageQuotas() {
		Session session = api.register();

		Response forbidden = quotas.put(session.accessToken(), "users/" + session.userId(), "{\"tokens_per_day\": 1000000}");

		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/quotas", session.accessToken()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/quotas/roles/user", session.accessToken()).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/quotas/users/" + session.userId(), session.accessToken()).status())
			.isEqualTo(403);
	}

	@Test
	void theOpenAiApiAnswersASpentQuotaInOpenAisShape() {
		Session session = api.register();
		quotas.set(admin, "users/" + session.userId(), "{\"tokens_per_day\": 10}");

		Response refused = api.post("/v1/chat/completions", session.accessToken(), map("model", "local/echo",
				"messages", java.util.List.of(map("role", "user", "content", "hello")), "max_tokens", 50));

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.json().get("error").get("type").asString()).isEqualTo("insufficient_quota");
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("insufficient_quota");
		assertThat(refused.header("Retry-After")).isNotNull();
	}
}
