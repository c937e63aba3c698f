package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

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

	private Response login(String email, String password) {
		return api.post("/api/v1/auth/login", null, map("email", email, "password", password));
	}
}
