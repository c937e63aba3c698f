package dev.parley.platform.flags;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.FeatureFlags;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The flags over HTTP: the caller's flags, the admin API, OFREP, the registration flag, other nodes. */
@IntegrationTest
@TestPropertySource(properties = "parley.identity.admin-email=" + FeatureFlagsIntegrationTests.ADMIN_EMAIL)
class FeatureFlagsIntegrationTests {

	static final String ADMIN_EMAIL = "flags-admin@example.com";

	@Autowired
	ApiClient api;

	@Autowired
	FeatureFlags featureFlags;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** The admin registers first: the first user of a server is an admin too, whatever their email. */
	@BeforeEach
	void adminExists() {
		adminToken();
	}

	@Test
	void listsTheBuiltInFlagsEvaluatedForTheCaller() {
		Response flags = api.get("/api/v1/flags", api.register().accessToken());
		assertThat(flags.status()).isEqualTo(200);
		JsonNode evaluated = flags.json().get("flags");
		assertThat(evaluated.get("registration").asBoolean()).isTrue();
		assertThat(evaluated.get("ml_recommendations").asBoolean()).isFalse();
		assertThat(evaluated.has("social_login")).isTrue();
		assertThat(evaluated.has("affiliate_tracking")).isTrue();
		assertThat(api.get("/api/v1/flags", null).status()).isEqualTo(401);
	}

	@Test
	void adminRoutesRefuseAPlainUser() {
		String user = api.register().accessToken();
		assertThat(api.get("/api/v1/admin/flags", user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/flags/registration", user).status()).isEqualTo(403);
		assertThat(api.send(api.request("/api/v1/admin/flags/anything", user)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\": true}"))).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/flags/anything", user).status()).isEqualTo(403);
	}

	@Test
	void anAdminCreatesTargetsAndDeletesAFlag() {
		String admin = adminToken();
		ApiClient.Session listed = api.register();
		ApiClient.Session other = api.register();
		String key = "beta-" + UUID.randomUUID().toString().substring(0, 8);
		Response put = put(admin, key, map("enabled", true, "rollout_percent", 0, "users", List.of(listed.userId()),
				"description", "The new editor"));
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("key").asString()).isEqualTo(key);
		assertThat(put.json().get("rollout_percent").asInt()).isZero();
		assertThat(put.json().get("source").asString()).isEqualTo("stored");
		assertThat(put.json().get("built_in").asBoolean()).isFalse();

		assertThat(api.get("/api/v1/flags", listed.accessToken()).json().get("flags").get(key).asBoolean()).isTrue();
		assertThat(api.get("/api/v1/flags", other.accessToken()).json().get("flags").get(key).asBoolean()).isFalse();
		assertThat(featureFlags.enabled(key, UUID.fromString(listed.userId()), Set.of("user"))).isTrue();
		assertThat(featureFlags.enabled(key, UUID.fromString(other.userId()), Set.of("admin"))).isFalse();

		Response read = api.get("/api/v1/admin/flags/" + key, admin);
		assertThat(read.json().get("users").get(0).asString()).isEqualTo(listed.userId());
		assertThat(api.get("/api/v1/admin/flags", admin).json().get("items").findValuesAsString("key")).contains(key,
				"registration", "ml_recommendations", "social_login", "affiliate_tracking");

		assertThat(api.delete("/api/v1/admin/flags/" + key, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/admin/flags/" + key, admin).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/admin/flags/" + key, admin).status()).isEqualTo(404);
		assertThat(featureFlags.enabled(key, UUID.fromString(listed.userId()), Set.of())).isFalse();
	}

	@Test
	void refusesABadRuleNamingEveryField() {
		Response refused = put(adminToken(), "Bad Key!",
				map("rollout_percent", 101, "roles", List.of("Admins!"), "users", List.of("not-a-uuid")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		Response fields = put(adminToken(), "Bad Key!", map("rollout_percent", 101, "roles", List.of("Admins!")));
		assertThat(fields.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("key", "enabled",
				"rollout_percent", "roles[0]");
	}

	@Test
	void theRegistrationFlagClosesAndReopensRegistration() {
		String admin = adminToken();
		try {
			assertThat(put(admin, "registration", map("enabled", false)).status()).isEqualTo(200);
			Response closed = api.post("/api/v1/auth/register", null,
					map("email", "flag-closed-" + UUID.randomUUID() + "@example.com", "password", ApiClient.Session.PASSWORD));
			assertThat(closed.status()).isEqualTo(403);
			assertThat(closed.json().get("detail").asString()).contains("disabled");
		}
		finally {
			assertThat(api.delete("/api/v1/admin/flags/registration", admin).status()).isEqualTo(204);
		}
		Response reset = api.get("/api/v1/admin/flags/registration", admin);
		assertThat(reset.json().get("source").asString()).isEqualTo("default");
		assertThat(reset.json().get("default_enabled").asBoolean()).isTrue();
		api.register();
	}

	@Test
	void servesOfrepSingleAndBulkEvaluations() {
		ApiClient.Session user = api.register();
		Response single = api.post("/ofrep/v1/evaluate/flags/registration", user.accessToken(),
				map("context", map("targetingKey", user.userId())));
		assertThat(single.status()).isEqualTo(200);
		assertThat(single.json().get("key").asString()).isEqualTo("registration");
		assertThat(single.json().get("value").asBoolean()).isTrue();
		assertThat(single.json().get("variant").asString()).isEqualTo("on");
		assertThat(single.json().get("reason").asString()).isEqualTo("STATIC");
		assertThat(single.json().get("metadata").isObject()).isTrue();

		Response missing = api.post("/ofrep/v1/evaluate/flags/no-such-flag", user.accessToken(), map("context", map()));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("key").asString()).isEqualTo("no-such-flag");
		assertThat(missing.json().get("errorCode").asString()).isEqualTo("FLAG_NOT_FOUND");

		Response bulk = api.post("/ofrep/v1/evaluate/flags", user.accessToken(), map("context", map()));
		assertThat(bulk.status()).isEqualTo(200);
		assertThat(bulk.json().get("flags").findValuesAsString("key")).contains("registration", "ml_recommendations");
		String etag = bulk.header("ETag");
		assertThat(etag).startsWith("\"");
		Response unchanged = api.send(api.request("/ofrep/v1/evaluate/flags", user.accessToken())
			.header("Content-Type", "application/json")
			.header("If-None-Match", etag)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"context\": {}}")));
		assertThat(unchanged.status()).isEqualTo(304);
	}

	@Test
	void ofrepEvaluatesForOthersOnlyForAdmins() {
		ApiClient.Session user = api.register();
		ApiClient.Session someoneElse = api.register();
		Response refused = api.post("/ofrep/v1/evaluate/flags/registration", user.accessToken(),
				map("context", map("targetingKey", someoneElse.userId())));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("errorCode").asString()).isEqualTo("GENERAL");
		assertThat(api.post("/ofrep/v1/evaluate/flags", null, map("context", map())).status()).isEqualTo(401);

		String admin = adminToken();
		String key = "ops-" + UUID.randomUUID().toString().substring(0, 8);
		put(admin, key, map("enabled", true, "rollout_percent", 0, "roles", List.of("admin")));
		Response forAdminRole = api.post("/ofrep/v1/evaluate/flags/" + key, admin,
				map("context", map("targetingKey", someoneElse.userId(), "roles", List.of("admin"))));
		assertThat(forAdminRole.json().get("value").asBoolean()).isTrue();
		assertThat(forAdminRole.json().get("reason").asString()).isEqualTo("TARGETING_MATCH");
		Response asUser = api.post("/ofrep/v1/evaluate/flags/" + key, user.accessToken(), map("context", map()));
		assertThat(asUser.json().get("value").asBoolean()).isFalse();
		Response claimsAdmin = api.post("/ofrep/v1/evaluate/flags/" + key, user.accessToken(),
				map("context", map("roles", List.of("admin"))));
		assertThat(claimsAdmin.json().get("value").asBoolean()).isFalse();

		Response badContext = api.post("/ofrep/v1/evaluate/flags/" + key, user.accessToken(),
				map("context", map("targetingKey", 42)));
		assertThat(badContext.status()).isEqualTo(400);
		assertThat(badContext.json().get("errorCode").asString()).isEqualTo("INVALID_CONTEXT");
		api.delete("/api/v1/admin/flags/" + key, admin);
	}

	@Test
	void aChangeOnOneNodeReachesTheOtherWithinSeconds() {
		FlagStore otherNode = new FlagStore(jdbc, transactions, Map.of(), Clock.systemUTC());
		otherNode.refresh();
		FlagsConfiguration.FlagRefresh otherNodesPoll = new FlagsConfiguration.FlagRefresh(otherNode);
		String key = "rollout-" + UUID.randomUUID().toString().substring(0, 8);
		UUID someone = UUID.randomUUID();

		// The other node stores a rule: this server's scheduled poll picks it up by itself.
		otherNode.put(key, true, 100, Set.of(), Set.of(), null, null);
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
			.until(() -> featureFlags.enabled(key, someone, Set.of()));

		// This server changes it over the API: the other node's poll sees it.
		String admin = adminToken();
		put(admin, key, map("enabled", false));
		assertThat(featureFlags.enabled(key, someone, Set.of())).isFalse();
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> {
			otherNodesPoll.refresh();
			return otherNode.find(key).map(rule -> !rule.enabled()).orElse(false);
		});
		api.delete("/api/v1/admin/flags/" + key, admin);
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> {
			otherNodesPoll.refresh();
			return otherNode.find(key).isEmpty();
		});
	}

	@Test
	void theDocsShowTheFlagsAndOfrepRoutes() {
		JsonNode paths = api.get("/openapi.json", null).json().get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/flags", "/api/v1/admin/flags", "/api/v1/admin/flags/{key}",
				"/ofrep/v1/evaluate/flags", "/ofrep/v1/evaluate/flags/{key}", "/api/v1/newsletter/subscribe",
				"/api/v1/newsletter/unsubscribe", "/newsletter/confirm", "/newsletter/unsubscribe",
				"/api/v1/admin/newsletter/consents");
		JsonNode single = paths.get("/ofrep/v1/evaluate/flags/{key}").get("post").get("responses");
		assertThat(single.propertyNames()).contains("200", "401", "403", "404");
		assertThat(single.at("/404/content/application~1json/schema/$ref").asString()).endsWith("OfrepError");
		assertThat(api.get("/openapi.json", null).json().at("/components/schemas/OfrepError/properties").propertyNames())
			.contains("errorCode", "errorDetails");
		assertThat(paths.get("/api/v1/admin/flags/{key}").get("put").get("responses").propertyNames()).contains("400",
				"401", "403", "404");
	}

	private Response put(String token, String key, Map<String, Object> body) {
		return api.send(api.request("/api/v1/admin/flags/" + key.replace(" ", "%20").replace("!", "%21"), token)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.writeValueAsString(body))));
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
