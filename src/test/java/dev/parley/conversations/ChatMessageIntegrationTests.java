package dev.parley.conversations;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ChatMessageIntegrationTests {

	@Autowired
	ApiClient api;

	ConversationsClient user;

	String chatId;

	@BeforeEach
	void startChat() {
		user = ConversationsClient.registered(api);
		chatId = user.startChatId("Messages");
	}

	@Test
	void messageLivesThroughPostReadEditAndDelete() {
		Response posted = user.post(messages(), map("role", "user", "content", "Hello there"));
		assertThat(posted.status()).isEqualTo(201);
		JsonNode message = posted.json();
		String id = message.get("id").asString();
		assertThat(message.get("chat_id").asString()).isEqualTo(chatId);
		assertThat(message.get("role").asString()).isEqualTo("user");
		assertThat(message.get("content").asString()).isEqualTo("Hello there");
		assertThat(message.get("status").asString()).isEqualTo("completed");
		assertThat(message.get("model").isNull()).isTrue();
		assertThat(message.get("usage").isNull()).isTrue();
		assertThat(message.get("created_at").asString()).isEqualTo(message.get("updated_at").asString());

		assertThat(user.get("/api/v1/messages/" + id).json()).isEqualTo(message);

		Response edited = user.patch("/api/v1/messages/" + id, map("content", "Hello again"));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("content").asString()).isEqualTo("Hello again");
		assertThat(edited.json().get("created_at").asString()).isEqualTo(message.get("created_at").asString());
		assertThat(instant(edited.json(), "updated_at")).isAfter(instant(message, "updated_at"));
		assertThat(user.get("/api/v1/messages/" + id).json()).isEqualTo(edited.json());

		assertThat(user.delete("/api/v1/messages/" + id).status()).isEqualTo(204);
		assertThat(user.get("/api/v1/messages/" + id).status()).isEqualTo(404);
		assertThat(user.delete("/api/v1/messages/" + id).status()).isEqualTo(404);
		assertThat(user.get(messages()).json().get("items")).isEmpty();
	}

	@Test
	void acceptsSystemMessagesAndRolesInAnyCase() {
		Response system = user.post(messages(), map("role", "SYSTEM", "content", "Answer in French."));
		assertThat(system.status()).isEqualTo(201);
		assertThat(system.json().get("role").asString()).isEqualTo("system");
		assertThat(user.post(messages(), map("role", "User", "content", "Bonjour")).json().get("role").asString())
			.isEqualTo("user");
	}

	@Test
	void historyIsOldestFirstAcrossPages() {
		List<String> posted = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			posted.add(user.postMessage(chatId, "Message " + i).get("id").asString());
		}
		List<List<String>> pages = user.pagesOfIds(messages(), 3);
		assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
		assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(posted);

		JsonNode all = user.get(messages()).json();
		assertThat(all.get("next_cursor").isNull()).isTrue();
		assertThat(all.get("items").get(6).get("content").asString()).isEqualTo("Message 6");
	}

	@Test
	void chatCountsItsMessagesAndKnowsTheLastOne() {
		JsonNode first = user.postMessage(chatId, "One");
		JsonNode second = user.postMessage(chatId, "Two");
		JsonNode third = user.postMessage(chatId, "Three");

		JsonNode chat = user.chat(chatId);
		assertThat(chat.get("message_count").asInt()).isEqualTo(3);
		assertThat(instant(chat, "last_message_at")).isEqualTo(instant(third, "created_at"));
		assertThat(instant(chat, "updated_at")).isEqualTo(instant(third, "created_at"));

		user.delete("/api/v1/messages/" + third.get("id").asString());
		chat = user.chat(chatId);
		assertThat(chat.get("message_count").asInt()).isEqualTo(2);
		assertThat(instant(chat, "last_message_at")).isEqualTo(instant(second, "created_at"));

		user.delete("/api/v1/messages/" + first.get("id").asString());
		user.delete("/api/v1/messages/" + second.get("id").asString());
		chat = user.chat(chatId);
		assertThat(chat.get("message_count").asInt()).isZero();
		assertThat(chat.get("last_message_at").isNull()).isTrue();
	}

	@Test
	void editingAMessageKeepsTheCount() {
		String id = user.postMessage(chatId, "Draft").get("id").asString();
		user.patch("/api/v1/messages/" + id, map("content", "Final"));
		assertThat(user.chat(chatId).get("message_count").asInt()).isEqualTo(1);
	}

	@Test
	void deletingAChatDeletesItsMessages() {
		String first = user.postMessage(chatId, "Keep me?").get("id").asString();
		String second = user.postMessage(chatId, "Me too?").get("id").asString();

		assertThat(user.delete("/api/v1/chats/" + chatId).status()).isEqualTo(204);

		assertThat(user.get("/api/v1/messages/" + first).status()).isEqualTo(404);
		assertThat(user.get("/api/v1/messages/" + second).status()).isEqualTo(404);
		assertThat(user.get(messages()).status()).isEqualTo(404);
		assertThat(user.post(messages(), map("role", "user", "content", "Anyone?")).status()).isEqualTo(404);
	}

	@Test
	void contentMayBeOneHundredThousandCharacters() {
		Response posted = user.post(messages(), map("role", "user", "content", "x".repeat(100_000)));
		assertThat(posted.status()).isEqualTo(201);
		assertThat(posted.json().get("content").asString()).hasSize(100_000);
	}

	@Test
	void refusesMissingOrOversizedContent() {
		assertContentRefused(user.post(messages(), map("role", "user")));
		assertContentRefused(user.post(messages(), map("role", "user", "content", "")));
		assertContentRefused(user.post(messages(), map("role", "user", "content", "x".repeat(100_001))));

		String id = user.postMessage(chatId, "Fine").get("id").asString();
		assertContentRefused(user.patch("/api/v1/messages/" + id, map("content", " ")));
		assertContentRefused(user.patch("/api/v1/messages/" + id, map("content", "x".repeat(100_001))));
		assertThat(user.get("/api/v1/messages/" + id).json().get("content").asString()).isEqualTo("Fine");
		assertThat(user.chat(chatId).get("message_count").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "assistant", "tool", "ASSISTANT", "robot", "" })
	void refusesRolesClientsMayNotWrite(String role) {
		Response refused = user.post(messages(), map("role", role, "content", "Pretending"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(user.chat(chatId).get("message_count").asInt()).isZero();
	}

	@Test
	void refusesMissingRole() {
		Response refused = user.post(messages(), map("content", "Who am I?"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
	}

	@Test
	void refusesMalformedRequests() {
		Response malformed = api.raw("POST", messages(), user.token(), "application/json", "{\"role\": \"user\",");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		assertThat(user.get("/api/v1/messages/12345").status()).isEqualTo(404);
		assertThat(user.get("/api/v1/chats/12345/messages").status()).isEqualTo(404);
		assertThat(user.get("/api/v1/messages/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(user.get(messages() + "?cursor=%21%21").status()).isEqualTo(400);
	}

	private void assertContentRefused(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("content");
	}

	private String messages() {
		return "/api/v1/chats/" + chatId + "/messages";
	}

	private static Instant instant(JsonNode node, String field) {
		return Instant.parse(node.get(field).asString());
	}
}
