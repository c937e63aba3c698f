package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LoginThrottleIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void throttlesAnAccountAfterRepeatedFailures() {
		ApiClient.Session session = api.register();
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(login(session.email(), "wrong password " + attempt).status()).isEqualTo(401);
		}

		Response throttled = login(session.email(), ApiClient.Session.PASSWORD);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
		assertThat(throttled.contentType()).startsWith("application/problem+json");
		// Another account from the same address is still served.
		ApiClient.Session other = api.register();
		assertThat(login(other.email(), ApiClient.Session.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void theEmailAndTheUsernameOfAnAccountShareOneBucket() {
		String username = "guess_" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.com";
		assertThat(api.post("/api/v1/auth/register", null,
				map("email", email, "password", ApiClient.Session.PASSWORD, "username", username)).status())
			.isEqualTo(201);
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(login(email, "wrong password " + attempt).status()).isEqualTo(401);
			assertThat(loginByUsername(username.toUpperCase(Locale.ROOT), "wrong password " + attempt).status())
				.isEqualTo(401);
		}

		assertThat(loginByUsername(username, ApiClient.Session.PASSWORD).status()).isEqualTo(429);
		assertThat(login(" " + email.toUpperCase(Locale.ROOT), ApiClient.Session.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void throttlesAnIdentifierNoAccountHasAsIfItHadOne() {
		String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
		for (int attempt = 0; attempt < 10; attempt++) {
			String typed = attempt % 2 == 0 ? nobody : nobody.toUpperCase(Locale.ROOT);
			assertThat(login(typed, "wrong password " + attempt).status()).isEqualTo(401);
		}

		Response throttled = login(nobody, "yet another guess");

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
	}

	private Response loginByUsername(String username, String password) {
		return api.post("/api/v1/auth/login", null, map("username", username, "password", password));
	}

	private Response login(String email, String password) {
		return api.post("/api/v1/auth/login", null, map("email", email, "password", password));
	}
}
