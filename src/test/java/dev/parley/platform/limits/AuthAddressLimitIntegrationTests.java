package dev.parley.platform.limits;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The sign-in endpoints are limited per client address, whatever account a request names. */
@IntegrationTest
@TestPropertySource(properties = "parley.platform.limits.auth-requests-per-address=3")
class AuthAddressLimitIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void anAddressPastItsSignInRequestsIsRefused() {
		Response first = api.post("/api/v1/auth/login", null, map("email", "a@example.com", "password", "x"));
		assertThat(first.status()).isEqualTo(401);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"auth-address\";q=3;w=60");
		assertThat(first.header("RateLimit")).matches("\"auth-address\";r=2;t=\\d+");
		assertThat(api.post("/api/v1/auth/refresh", null, map("refresh_token", "nothing")).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/login", null, map("email", "b@example.com", "password", "y")).status())
			.isEqualTo(401);

		Response refused = api.post("/api/v1/auth/register", null,
				map("email", "c@example.com", "password", ApiClient.Session.PASSWORD));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().get("type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
		assertThat(refused.json().get("detail").asString()).contains("sign-in");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.header("RateLimit")).matches("\"auth-address\";r=0;t=\\d+");
		// Nothing was registered by the refused request, and public reading is not limited.
		assertThat(api.get("/health", null).status()).isEqualTo(200);
	}
}
