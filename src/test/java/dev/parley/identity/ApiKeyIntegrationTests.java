package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ApiKeyIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsUsesListsAndRevokesAKey() {
		ApiClient.Session session = api.register();
		Response created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "  laptop script "));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		String key = body.get("key").asString();
		assertThat(key).matches("pk_[A-Za-z0-9_-]{43}");
		assertThat(body.get("prefix").asString()).isEqualTo(key.substring(0, 11));
		assertThat(body.get("name").asString()).isEqualTo("laptop script");
		assertThat(body.get("created_at").asString()).isNotBlank();
		assertThat(body.get("expires_at").isNull()).isTrue();

		Response list = api.get("/api/v1/api-keys", session.accessToken());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(key);
		JsonNode item = list.json().get("items").get(0);
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(item.get("id").asString()).isEqualTo(body.get("id").asString());
		assertThat(item.get("prefix").asString()).isEqualTo(body.get("prefix").asString());
		assertThat(item.has("key")).isFalse();
		assertThat(list.json().get("next_cursor").isNull()).isTrue();

		assertThat(api.get("/v1/models", key).status()).isEqualTo(200);
		Response me = api.get("/api/v1/auth/me", key);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asString()).isEqualTo(session.userId());

		assertThat(api.delete("/api/v1/api-keys/" + body.get("id").asString(), session.accessToken()).status())
			.isEqualTo(204);
		Response refused = api.get("/api/v1/auth/me", key);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
		assertThat(api.get("/v1/models", key).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/api-keys", session.accessToken()).json().get("items")).isEmpty();
		// Revoking is idempotent for the owner.
		assertThat(api.delete("/api/v1/api-keys/" + body.get("id").asString(), session.accessToken()).status())
			.isEqualTo(204);
	}

	@Test
	void refusesAKeyOnceItHasExpired() {
		ApiClient.Session session = api.register();
		Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Response created = api.post("/api/v1/api-keys", session.accessToken(),
				map("name", "short-lived", "expires_at", expiry.toString()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(Instant.parse(created.json().get("expires_at").asString())).isEqualTo(expiry);
		String key = created.json().get("key").asString();
		assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(200);

		// Time passes: the expiry is now behind us.
		jdbc.sql("update api_keys set expires_at = now() - interval '1 second' where id = ?")
			.params(UUID.fromString(created.json().get("id").asString()))
			.update();

		// A node trusts what it read of a key for up to a second (parley.identity.auth-cache.ttl).
		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(401));
		assertThat(api.get("/v1/models", key).status()).isEqualTo(401);
	}

	@Test
	void refusesAnExpiryThatIsNotInTheFuture() {
		ApiClient.Session session = api.register();
		Response response = api.post("/api/v1/api-keys", session.accessToken(),
				map("name", "too late", "expires_at", Instant.now().minusSeconds(5).toString()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("expires_at");
		assertThat(api.get("/api/v1/api-keys", session.accessToken()).json().get("items")).isEmpty();
	}

	@Test
	void refusesABlankOrOverlongName() {
		ApiClient.Session session = api.register();
		Response blank = api.post("/api/v1/api-keys", session.accessToken(), map("name", "   "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(api.post("/api/v1/api-keys", session.accessToken(), map("name", "n".repeat(101))).status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/api-keys", session.accessToken(), map("name", "n".repeat(100))).status())
			.isEqualTo(201);
	}

	@Test
	void anotherUserCannotSeeOrRevokeAKey() {
		ApiClient.Session owner = api.register();
		ApiClient.Session other = api.register();
		Response created = api.post("/api/v1/api-keys", owner.accessToken(), map("name", "mine"));
		String id = created.json().get("id").asString();
		String key = created.json().get("key").asString();

		Response theirs = api.delete("/api/v1/api-keys/" + id, other.accessToken());
		Response unknown = api.delete("/api/v1/api-keys/" + UUID.randomUUID(), other.accessToken());
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(theirs.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(theirs.json().get("type")).isEqualTo(unknown.json().get("type"));
		assertThat(api.get("/api/v1/api-keys", other.accessToken()).json().get("items")).isEmpty();

		Response me = api.get("/api/v1/auth/me", key);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asString()).isEqualTo(owner.userId());
	}

	@Test
	void keysCannotManageKeys() {
		ApiClient.Session session = api.register();
		Response created = api.post("/api/v1/api-keys", session.accessToken(), map("name", "script"));
		String key = created.json().get("key").asString();

		assertThat(api.post("/api/v1/api-keys", key, map("name", "successor")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/api-keys", key).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/api-keys/" + created.json().get("id").asString(), key).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/api-keys", session.accessToken()).json().get("items")).hasSize(1);
		assertThat(api.get("/api/v1/auth/me", key).status()).isEqualTo(200);
	}

	@Test
	void listsKeysNewestFirstAPageAtATime() {
		ApiClient.Session session = api.register();
		List<String> ids = new ArrayList<>();
		for (String name : List.of("first", "second", "third")) {
			ids.add(api.post("/api/v1/api-keys", session.accessToken(), map("name", name)).json().get("id").asString());
		}
		JsonNode page = api.get("/api/v1/api-keys?limit=2", session.accessToken()).json();
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(ids.get(2));
		assertThat(page.get("items").get(1).get("id").asString()).isEqualTo(ids.get(1));
		String cursor = page.get("next_cursor").asString();

		JsonNode next = api.get("/api/v1/api-keys?limit=2&cursor=" + cursor, session.accessToken()).json();
		assertThat(next.get("items")).hasSize(1);
		assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(ids.get(0));
		assertThat(next.get("next_cursor").isNull()).isTrue();
	}
}
