package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ProfileIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void updatesOnlyTheGivenFields() {
		ApiClient.Session session = api.register();
		String username = "ada_" + UUID.randomUUID().toString().substring(0, 8);
		Response updated = api.patch("/api/v1/users/me", session.accessToken(), map("name", "Ada Lovelace", "username",
				username, "preferences", Map.of("theme", "dark", "language", "en")));
		assertThat(updated.status()).isEqualTo(200);

		Response renamed = api.patch("/api/v1/users/me", session.accessToken(), map("name", "Countess"));
		assertThat(renamed.json().get("name").asString()).isEqualTo("Countess");
		assertThat(renamed.json().get("username").asString()).isEqualTo(username);
		assertThat(renamed.json().get("preferences").get("theme").asString()).isEqualTo("dark");

		Response me = api.get("/api/v1/users/me", session.accessToken());
		assertThat(me.json().get("preferences").get("language").asString()).isEqualTo("en");
	}

	@Test
	void neverBindsProtectedFields() {
		ApiClient.Session session = api.register();
		String roleBefore = api.get("/api/v1/users/me", session.accessToken()).json().get("role").asString();
		Response response = api.patch("/api/v1/users/me", session.accessToken(),
				map("role", "admin", "email", "attacker@example.com", "id", UUID.randomUUID().toString()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("email").asString()).isEqualTo(session.email());
		assertThat(response.json().get("role").asString()).isEqualTo(roleBefore);
		assertThat(response.json().get("id").asString()).isEqualTo(session.userId());
	}

	@Test
	void refusesAUsernameSomeoneElseHas() {
		ApiClient.Session first = api.register();
		ApiClient.Session second = api.register();
		String username = "mine_" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.patch("/api/v1/users/me", first.accessToken(), map("username", username)).status()).isEqualTo(200);
		assertThat(api.patch("/api/v1/users/me", second.accessToken(), map("username", username)).status()).isEqualTo(409);
		assertThat(api.patch("/api/v1/users/me", first.accessToken(), map("username", username)).status()).isEqualTo(200);
	}

	@Test
	void changingThePasswordEndsOtherSessionsButNotThisOne() {
		ApiClient.Session session = api.register();
		Response otherLogin = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", ApiClient.Session.PASSWORD));
		String otherAccess = otherLogin.json().get("access_token").asString();
		String otherRefresh = otherLogin.json().get("refresh_token").asString();

		Response change = api.post("/api/v1/users/me/password", session.accessToken(),
				map("current_password", ApiClient.Session.PASSWORD, "new_password", "an entirely new passphrase"));

		assertThat(change.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/me", session.accessToken()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/users/me", otherAccess).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/refresh", null, map("refresh_token", otherRefresh)).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", null, map("email", session.email(), "password", ApiClient.Session.PASSWORD))
			.status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", "an entirely new passphrase")).status()).isEqualTo(200);
	}

	@Test
	void refusesAPasswordChangeWithTheWrongCurrentPassword() {
		ApiClient.Session session = api.register();
		Response change = api.post("/api/v1/users/me/password", session.accessToken(),
				map("current_password", "this is not it", "new_password", "an entirely new passphrase"));
		assertThat(change.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/auth/login", null, map("email", session.email(), "password", ApiClient.Session.PASSWORD))
			.status()).isEqualTo(200);
	}

	@Test
	void throttlesWrongCurrentPasswordsWithTheAccountsLogins() {
		ApiClient.Session session = api.register();
		for (int attempt = 0; attempt < 10; attempt++) {
			Response wrong = api.post("/api/v1/users/me/password", session.accessToken(),
					map("current_password", "guess number " + attempt, "new_password", "an entirely new passphrase"));
			assertThat(wrong.status()).isEqualTo(400);
		}

		Response throttled = api.post("/api/v1/users/me/password", session.accessToken(),
				map("current_password", ApiClient.Session.PASSWORD, "new_password", "an entirely new passphrase"));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		// The guesses came out of the account's one bucket: logins are held back too.
		assertThat(api.post("/api/v1/auth/login", null, map("email", session.email(), "password", ApiClient.Session.PASSWORD))
			.status()).isEqualTo(429);
		assertThat(api.get("/api/v1/users/me", session.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void refusesAWeakNewPassword() {
		ApiClient.Session session = api.register();
		Response change = api.post("/api/v1/users/me/password", session.accessToken(),
				map("current_password", ApiClient.Session.PASSWORD, "new_password", "password1"));
		assertThat(change.status()).isEqualTo(400);
		assertThat(change.json().get("errors").get(0).get("field").asString()).isEqualTo("new_password");
	}
}
