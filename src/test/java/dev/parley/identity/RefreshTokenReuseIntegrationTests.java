package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Reuse detection without a grace window, so a second use is at once treated as theft. */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.refresh-reuse-grace=0s",
		"parley.identity.admin-email=Chief@Example.com" })
class RefreshTokenReuseIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void reusingARotatedTokenRevokesTheWholeFamily() {
		ApiClient.Session session = api.register();
		Response rotated = refresh(session.refreshToken());
		assertThat(rotated.status()).isEqualTo(200);
		String newestRefresh = rotated.json().get("refresh_token").asString();
		String newestAccess = rotated.json().get("access_token").asString();

		Response replay = refresh(session.refreshToken());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("detail").asString()).contains("already used");
		assertThat(refresh(newestRefresh).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", newestAccess).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(401);
	}

	@Test
	void reuseInOneFamilyLeavesOtherLoginsAlone() {
		ApiClient.Session session = api.register();
		String otherAccess = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", ApiClient.Session.PASSWORD)).json().get("access_token").asString();
		refresh(session.refreshToken());
		refresh(session.refreshToken());
		assertThat(api.get("/api/v1/auth/me", otherAccess).status()).isEqualTo(200);
	}

	@Test
	void adminEmailRegistersAsAdmin() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", "chief@example.com", "password", "a long enough passphrase"));
		if (registered.status() == 409) {
			// An earlier run against the same database server created the account: log in instead.
			registered = api.post("/api/v1/auth/login", null,
					map("email", "chief@example.com", "password", "a long enough passphrase"));
		}
		assertThat(registered.json().get("user").get("role").asString()).isEqualTo("admin");
		Response ordinary = api.post("/api/v1/auth/register", null,
				map("email", "ordinary-" + java.util.UUID.randomUUID() + "@example.com", "password",
						"a long enough passphrase"));
		assertThat(ordinary.json().get("user").get("role").asString()).isEqualTo("user");
	}

	private Response refresh(String token) {
		return api.post("/api/v1/auth/refresh", null, map("refresh_token", token));
	}
}
