package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuthJourneyIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void registerLogInRefreshAndLogOut() {
		String email = "Journey-" + UUID.randomUUID() + "@Example.com";
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", email, "password", "a long enough passphrase", "name", "Ada"));
		assertThat(registered.status()).isEqualTo(201);
		JsonNode tokens = registered.json();
		assertThat(tokens.get("token_type").asString()).isEqualTo("bearer");
		assertThat(tokens.get("expires_in").asLong()).isEqualTo(15 * 60);
		assertThat(tokens.get("user").get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(tokens.get("user").has("password_hash")).isFalse();

		Response login = api.post("/api/v1/auth/login", null, map("email", email, "password", "a long enough passphrase"));
		assertThat(login.status()).isEqualTo(200);
		String accessToken = login.json().get("access_token").asString();
		String refreshToken = login.json().get("refresh_token").asString();

		Response me = api.get("/api/v1/auth/me", accessToken);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("name").asString()).isEqualTo("Ada");
		assertThat(me.json().get("role").asString()).isIn("user", "admin");

		Response refreshed = api.post("/api/v1/auth/refresh", null, map("refresh_token", refreshToken));
		assertThat(refreshed.status()).isEqualTo(200);
		String newAccessToken = refreshed.json().get("access_token").asString();
		assertThat(refreshed.json().get("refresh_token").asString()).isNotEqualTo(refreshToken);
		assertThat(api.get("/api/v1/users/me", newAccessToken).status()).isEqualTo(200);

		assertThat(api.post("/api/v1/auth/logout", newAccessToken, null).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/me", newAccessToken).status()).isEqualTo(401);
	}

	@Test
	void logsInWithTheOAuth2PasswordForm() {
		ApiClient.Session session = api.register();
		String form = "grant_type=password&username=" + URLEncoder.encode(session.email(), StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(ApiClient.Session.PASSWORD, StandardCharsets.UTF_8);
		Response login = api.send(api.request("/api/v1/auth/login", null)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("access_token").asString()).isNotBlank();
		assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
	}

	@Test
	void logsInWithUsernameCaseInsensitively() {
		String username = "user_" + UUID.randomUUID().toString().substring(0, 8);
		Response registered = api.post("/api/v1/auth/register", null, map("email", username + "@example.com",
				"password", "a long enough passphrase", "username", username));
		assertThat(registered.status()).isEqualTo(201);
		Response login = api.post("/api/v1/auth/login", null,
				map("username", username.toUpperCase(), "password", "a long enough passphrase"));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("user").get("username").asString()).isEqualTo(username);
	}

	@Test
	void unknownUserAndWrongPasswordLookTheSame() {
		ApiClient.Session session = api.register();
		Response wrongPassword = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", "not the password at all"));
		Response unknownUser = api.post("/api/v1/auth/login", null,
				map("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "not the password at all"));
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(withoutRequestId(wrongPassword.json())).isEqualTo(withoutRequestId(unknownUser.json()));
	}

	@Test
	void logoutWithRefreshTokenEndsThatFamilyToo() {
		ApiClient.Session session = api.register();
		Response otherLogin = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", ApiClient.Session.PASSWORD));
		String otherRefresh = otherLogin.json().get("refresh_token").asString();

		assertThat(api.post("/api/v1/auth/logout", session.accessToken(), map("refresh_token", otherRefresh)).status())
			.isEqualTo(204);

		assertThat(api.post("/api/v1/auth/refresh", null, map("refresh_token", session.refreshToken())).status())
			.isEqualTo(401);
		assertThat(api.post("/api/v1/auth/refresh", null, map("refresh_token", otherRefresh)).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", otherLogin.json().get("access_token").asString()).status()).isEqualTo(401);
	}

	@Test
	void logoutLeavesOtherSessionsAlone() {
		ApiClient.Session session = api.register();
		String otherAccess = api.post("/api/v1/auth/login", null,
				map("email", session.email(), "password", ApiClient.Session.PASSWORD)).json().get("access_token").asString();

		assertThat(api.post("/api/v1/auth/logout", session.accessToken(), null).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", otherAccess).status()).isEqualTo(200);
	}

	@Test
	void logoutNeedsAnAccessToken() {
		Response response = api.post("/api/v1/auth/logout", null, null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	static JsonNode withoutRequestId(JsonNode problem) {
		((tools.jackson.databind.node.ObjectNode) problem).remove("request_id");
		return problem;
	}
}
