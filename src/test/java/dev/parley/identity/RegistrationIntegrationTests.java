package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void refusesADuplicateEmailWhateverItsCase() {
		ApiClient.Session session = api.register();
		Response duplicate = api.post("/api/v1/auth/register", null,
				map("email", session.email().toUpperCase(), "password", "another long passphrase"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.json().get("type").asString()).endsWith("/conflict");
	}

	@Test
	void refusesATakenUsername() {
		String username = "taken_" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(register(uniqueEmail(), "a long enough passphrase", username).status()).isEqualTo(201);
		assertThat(register(uniqueEmail(), "a long enough passphrase", username.toUpperCase()).status()).isEqualTo(409);
	}

	@Test
	void refusesShortLongAndCommonPasswords() {
		assertPasswordRefused("short");
		assertPasswordRefused("x".repeat(129));
		assertPasswordRefused("Password123");
		assertPasswordRefused("qwertyuiop");
	}

	@Test
	void refusesAnInvalidEmail() {
		Response response = register("not-an-email", "a long enough passphrase", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
	}

	@Test
	void refusesAnInvalidUsername() {
		Response response = register(uniqueEmail(), "a long enough passphrase", "no spaces allowed");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
	}

	@Test
	void ignoresUnknownAndProtectedFields() {
		Response response = api.post("/api/v1/auth/register", null, map("email", uniqueEmail(), "password",
				"a long enough passphrase", "role", "admin", "id", UUID.randomUUID().toString(), "favourite", "blue"));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("user").has("favourite")).isFalse();
		// The first user of an empty database is an admin; everyone after that is not.
		Response next = register(uniqueEmail(), "a long enough passphrase", null);
		assertThat(next.json().get("user").get("role").asString()).isEqualTo("user");
	}

	private void assertPasswordRefused(String password) {
		Response response = register(uniqueEmail(), password, null);
		assertThat(response.status()).as(password).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	private Response register(String email, String password, String username) {
		return api.post("/api/v1/auth/register", null, map("email", email, "password", password, "username", username));
	}

	private static String uniqueEmail() {
		return "reg-" + UUID.randomUUID() + "@example.com";
	}
}
