package dev.parley;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The README's curl journey, step by step: what a newcomer runs must work. */
@IntegrationTest
class ReadmeJourneyIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void registerLoginChatArchiveRefreshLogout() {
		String email = "ada-" + UUID.randomUUID() + "@example.com";
		String password = "correct horse battery staple";
		assertThat(api.post("/api/v1/auth/register", null, map("email", email, "password", password, "name", "Ada"))
			.status()).isEqualTo(201);

		JsonNode login = api.post("/api/v1/auth/login", null, map("email", email, "password", password)).json();
		String token = login.get("access_token").asString();
		String refresh = login.get("refresh_token").asString();

		Response chat = api.post("/api/v1/chats", token,
				map("title", "Trip to Lisbon", "system_prompt", "You are a concise travel guide."));
		assertThat(chat.status()).isEqualTo(201);
		String chatId = chat.json().get("id").asString();
		Response message = api.post("/api/v1/chats/" + chatId + "/messages", token,
				map("role", "user", "content", "What should I see in Alfama?"));
		assertThat(message.status()).isEqualTo(201);

		JsonNode chats = api.get("/api/v1/chats?limit=20", token).json();
		assertThat(chats.get("items").get(0).get("id").asString()).isEqualTo(chatId);
		assertThat(chats.get("items").get(0).get("message_count").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/chats?q=alfama", token).json().get("items").get(0).get("id").asString())
			.isEqualTo(chatId);
		JsonNode history = api.get("/api/v1/chats/" + chatId + "/messages", token).json();
		assertThat(history.get("items").get(0).get("content").asString()).isEqualTo("What should I see in Alfama?");

		Response archived = api.post("/api/v1/chats/" + chatId + "/archive", token, map("archived", true));
		assertThat(archived.json().get("archived").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/chats?archived=true", token).json().get("items").get(0).get("id").asString())
			.isEqualTo(chatId);
		assertThat(api.get("/api/v1/chats", token).json().get("items")).isEmpty();

		JsonNode refreshed = api.post("/api/v1/auth/refresh", null, map("refresh_token", refresh)).json();
		token = refreshed.get("access_token").asString();
		assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);

		assertThat(api.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
		Response afterLogout = api.get("/api/v1/auth/me", token);
		assertThat(afterLogout.status()).isEqualTo(401);
		assertThat(afterLogout.contentType()).startsWith("application/problem+json");
	}
}
