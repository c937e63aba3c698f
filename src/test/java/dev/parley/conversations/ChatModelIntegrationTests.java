package dev.parley.conversations;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A chat names only models the server offers; a profile's preferences stay small. */
@IntegrationTest
class ChatModelIntegrationTests {

	@Autowired
	ApiClient api;

	ConversationsClient user;

	@BeforeEach
	void registerUser() {
		user = ConversationsClient.registered(api);
	}

	@Test
	void unknownModelIsRefusedAtCreate() {
		assertModelRefused(user.post("/api/v1/chats", map("title", "x", "model", "nope/none")));
		assertModelRefused(user.post("/api/v1/chats", map("model", "no-slash")));
		assertThat(user.post("/api/v1/chats", map("model", "local/echo")).status()).isEqualTo(201);
	}

	@Test
	void unknownModelIsRefusedAtPatchAndBlankStillClears() {
		String id = user.post("/api/v1/chats", map("model", "local/echo")).json().get("id").asString();
		assertModelRefused(user.patch("/api/v1/chats/" + id, map("model", "nope/none")));
		assertThat(user.chat(id).get("model").asString()).isEqualTo("local/echo");
		Response cleared = user.patch("/api/v1/chats/" + id, map("model", ""));
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().get("model").isNull()).isTrue();
	}

	@Test
	void preferencesAreCappedAtSixteenKilobytes() {
		Response big = user.patch("/api/v1/users/me", map("preferences", Map.of("notes", "x".repeat(16 * 1024))));
		assertThat(big.status()).as(big.body()).isEqualTo(400);
		assertThat(big.json().get("errors").findValuesAsString("field")).containsExactly("preferences");
		Response fine = user.patch("/api/v1/users/me", map("preferences", Map.of("notes", "x".repeat(15 * 1024))));
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
	}

	private static void assertModelRefused(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("model");
	}
}
