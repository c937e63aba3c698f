package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import tools.jackson.databind.JsonNode;

/** What an API key authenticates as, and what using one records. */
@IntegrationTest
class ApiKeyAuthenticationIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BearerAuthentication bearerAuthentication;

	@Test
	void authenticatesTheOwnerWithTheRoleTheAccountHasNow() {
		ApiClient.Session session = api.register();
		JsonNode created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "ci")).json();
		String registeredRole = api.get("/api/v1/auth/me", session.accessToken()).json().get("role").asString();
		String changedRole = registeredRole.equals("admin") ? "USER" : "ADMIN";
		jdbc.sql("update users set role = ? where id = ?").params(changedRole, UUID.fromString(session.userId())).update();

		Authentication authentication = bearerAuthentication.resolve(new MockHttpServletRequest())
			.authenticate(new BearerTokenAuthenticationToken(created.get("key").asString()));

		AuthenticatedUser caller = (AuthenticatedUser) authentication.getPrincipal();
		assertThat(caller.id()).isEqualTo(UUID.fromString(session.userId()));
		assertThat(caller.role()).isEqualTo(Role.valueOf(changedRole));
		assertThat(caller.apiKeyId()).isEqualTo(UUID.fromString(created.get("id").asString()));
		assertThat(caller.sessionId()).isNull();
		assertThat(caller.viaApiKey()).isTrue();
		assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_" + changedRole);
	}

	@Test
	void recordsTheLastUseAtMostOncePerMinute() {
		ApiClient.Session session = api.register();
		JsonNode created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "busy")).json();
		String key = created.get("key").asString();
		assertThat(lastUsedAt(session)).isNull();

		assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(200);
		Instant firstUse = lastUsedAt(session);
		assertThat(firstUse).isNotNull();

		assertThat(api.get("/v1/models", key).status()).isEqualTo(200);
		assertThat(lastUsedAt(session)).isEqualTo(firstUse);

		// Two minutes pass: the next use is recorded again.
		jdbc.sql("update api_keys set last_used_at = last_used_at - interval '2 minutes' where id = ?")
			.params(UUID.fromString(created.get("id").asString()))
			.update();
		Instant backdated = lastUsedAt(session);
		// The node sees the older use once it reads the key again, within parley.identity.auth-cache.ttl.
		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(api.get("/v1/models", key).status()).isEqualTo(200);
			assertThat(lastUsedAt(session)).isAfter(backdated);
		});
	}

	@Test
	void aKeyCannotChangeThePassword() {
		ApiClient.Session session = api.register();
		String key = newKey(session);

		Response changed = api.post("/api/v1/users/me/password", key,
				map("current_password", ApiClient.Session.PASSWORD, "new_password", "another long passphrase"));

		assertNeedsSession(changed);
		// The same route spelled with an escaped letter is the same route.
		assertNeedsSession(api.post("/api/v1/users/me/p%61ssword", key,
				map("current_password", ApiClient.Session.PASSWORD, "new_password", "another long passphrase")));
		assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", ApiClient.Session.PASSWORD)).status()).isEqualTo(200);
	}

	@Test
	void aKeyReadsTheProfileButCannotChangeIt() {
		ApiClient.Session session = api.register();
		String key = newKey(session);

		String username = "script_" + UUID.randomUUID().toString().substring(0, 8);
		assertNeedsSession(api.patch("/api/v1/users/me", key, map("username", username)));
		assertNeedsSession(api.patch("/api/v1/users/me", key, map("name", "Renamed by a script")));

		Response profile = api.get("/api/v1/users/me", key);
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().get("username").isNull()).isTrue();
		assertThat(profile.json().get("name").isNull()).isTrue();
	}

	@Test
	void aKeyCannotLogSessionsOut() {
		ApiClient.Session session = api.register();
		String key = newKey(session);

		assertNeedsSession(api.post("/api/v1/auth/logout", key, map("refresh_token", session.refreshToken())));

		assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/refresh", null, map("refresh_token", session.refreshToken())).status())
			.isEqualTo(200);
	}

	@Test
	void refusesAnUnknownKeyLikeAnyBadToken() {
		Response response = api.get("/api/v1/auth/me", "pk_" + "A".repeat(43));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
	}

	private String newKey(ApiClient.Session session) {
		return api.post("/api/v1/api-keys", session.accessToken(), map("name", "script")).json().get("key").asString();
	}

	private static void assertNeedsSession(Response response) {
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).endsWith("/forbidden");
		assertThat(response.json().get("detail").asString()).contains("API key");
	}

	private Instant lastUsedAt(ApiClient.Session session) {
		JsonNode item = api.get("/api/v1/api-keys", session.accessToken()).json().get("items").get(0);
		return item.get("last_used_at").isNull() ? null : Instant.parse(item.get("last_used_at").asString());
	}
}
