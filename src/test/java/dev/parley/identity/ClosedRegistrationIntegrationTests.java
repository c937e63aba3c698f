package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "parley.identity.registration-enabled=false")
class ClosedRegistrationIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void refusesRegistrationWithAProblem() {
		Response response = api.post("/api/v1/auth/register", null,
				map("email", "closed@example.com", "password", "a long enough passphrase"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("disabled");
	}
}
