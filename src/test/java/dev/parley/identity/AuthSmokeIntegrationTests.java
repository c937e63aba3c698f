package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AuthSmokeIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void registeredUserSeesOwnProfile() {
		ApiClient.Session session = api.register();
		ApiClient.Response me = api.get("/api/v1/auth/me", session.accessToken());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(session.email());
	}
}
