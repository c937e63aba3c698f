package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET|PUT /api/v1/users/me/channels} over HTTP, and what the feedback module reads through {@link UserChannels}. */
@IntegrationTest
class UserChannelsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Autowired
	UserChannels channels;

	@Test
	void startsWithTheAccountsEmailAndNoSlack() {
		ApiClient.Session session = api.register();
		Response response = api.get("/api/v1/users/me/channels", session.accessToken());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("email").asString()).isEqualTo(session.email());
		assertThat(response.json().get("email_is_account_email").asBoolean()).isTrue();
		assertThat(response.json().get("slack_user_id").isNull()).isTrue();
		assertThat(channels.of(UUID.fromString(session.userId())))
			.isEqualTo(new UserChannels.Addresses(session.email(), true, null));
	}

	@Test
	void keepsTheChosenAddressAndSlackIdUntilReplaced() {
		ApiClient.Session session = api.register();
		Response put = put(session.accessToken(), map("email", " Ada@Example.COM ", "slack_user_id", "U012AB3CD"));
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("email").asString()).isEqualTo("ada@example.com");
		assertThat(put.json().get("email_is_account_email").asBoolean()).isFalse();

		JsonNode read = api.get("/api/v1/users/me/channels", session.accessToken()).json();
		assertThat(read.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(read.get("slack_user_id").asString()).isEqualTo("U012AB3CD");
		assertThat(channels.of(UUID.fromString(session.userId())))
			.isEqualTo(new UserChannels.Addresses("ada@example.com", false, "U012AB3CD"));

		Response reset = put(session.accessToken(), map("slack_user_id", null));
		assertThat(reset.json().get("email").asString()).isEqualTo(session.email());
		assertThat(reset.json().get("email_is_account_email").asBoolean()).isTrue();
		assertThat(reset.json().get("slack_user_id").isNull()).isTrue();
	}

	@Test
	void namesEveryInvalidFieldAtOnceAndKeepsTheOldSettings() {
		ApiClient.Session session = api.register();
		put(session.accessToken(), map("slack_user_id", "U0SAFE42"));
		Response response = put(session.accessToken(),
				map("email", "victim@example.com, attacker@example.com", "slack_user_id", "@ada"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
				"slack_user_id");
		assertThat(api.get("/api/v1/users/me/channels", session.accessToken()).json().get("slack_user_id").asString())
			.isEqualTo("U0SAFE42");
	}

	@Test
	void refusesControlCharactersAndHeaderTricks() {
		ApiClient.Session session = api.register();
		for (String email : new String[] { "ada\u0000@example.com", "ada@example.com\r\nBcc: all@example.com",
				"Ada <ada@example.com>", "no-at-sign" }) {
			Response response = put(session.accessToken(), map("email", email));
			assertThat(response.status()).as(email).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email");
		}
	}

	@Test
	void anApiKeyMayReadButNotRedirectTheChannels() {
		ApiClient.Session session = api.register();
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "script")).json().get("key").asString();
		assertThat(api.get("/api/v1/users/me/channels", key).status()).isEqualTo(200);
		assertThat(put(key, map("email", "attacker@example.com")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/users/me/channels", session.accessToken()).json().get("email").asString())
			.isEqualTo(session.email());
	}

	@Test
	void needsAuthentication() {
		assertThat(api.get("/api/v1/users/me/channels", null).status()).isEqualTo(401);
	}

	private Response put(String token, Object body) {
		return api.raw("PUT", "/api/v1/users/me/channels", token, "application/json", JSON.writeValueAsString(body));
	}
}
