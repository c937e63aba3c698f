package dev.parley.conversations;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Broken object level authorisation: user B, knowing the ids of user A's chat and message, can
 * neither see nor change them, and cannot even tell that they exist.
 */
@IntegrationTest
class ConversationAccessIntegrationTests {

	@Autowired
	ApiClient api;

	ConversationsClient owner;

	ConversationsClient intruder;

	String titleWord;

	String chatId;

	String messageId;

	@BeforeEach
	void ownerHasAChatWithAMessage() {
		owner = ConversationsClient.registered(api);
		intruder = ConversationsClient.registered(api);
		titleWord = ConversationsClient.uniqueWord();
		chatId = owner.startChatId("Private " + titleWord);
		messageId = owner.postMessage(chatId, "Secret " + titleWord).get("id").asString();
	}

	static Stream<Route> routes() {
		return Stream.of(new Route("GET", "/api/v1/chats/{chat}", null),
				new Route("PATCH", "/api/v1/chats/{chat}", "{\"title\": \"Mine now\", \"archived\": true}"),
				new Route("DELETE", "/api/v1/chats/{chat}", null),
				new Route("POST", "/api/v1/chats/{chat}/archive", "{\"archived\": true}"),
				new Route("POST", "/api/v1/chats/{chat}/archive", null),
				new Route("POST", "/api/v1/chats/{chat}/bookmark", "{\"bookmarked\": true}"),
				new Route("POST", "/api/v1/chats/{chat}/bookmark", null),
				new Route("GET", "/api/v1/chats/{chat}/messages", null),
				new Route("POST", "/api/v1/chats/{chat}/messages", "{\"role\": \"user\", \"content\": \"Injected\"}"),
				new Route("GET", "/api/v1/messages/{message}", null),
				new Route("PATCH", "/api/v1/messages/{message}", "{\"content\": \"Tampered\"}"),
				new Route("DELETE", "/api/v1/messages/{message}", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void anotherUsersChatOrMessageLooksLikeOneThatDoesNotExist(Route route) {
		JsonNode chatBefore = owner.chat(chatId);
		JsonNode messageBefore = owner.get("/api/v1/messages/" + messageId).json();

		Response foreign = route.send(api, intruder.token(), chatId, messageId);
		Response unknown = route.send(api, intruder.token(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

		assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		for (String field : new String[] { "type", "title", "status", "detail" }) {
			assertThat(foreign.json().get(field)).as(field).isEqualTo(unknown.json().get(field));
		}
		assertThat(foreign.json().propertyNames()).containsExactlyInAnyOrderElementsOf(unknown.json().propertyNames());

		assertThat(owner.chat(chatId)).isEqualTo(chatBefore);
		assertThat(owner.get("/api/v1/messages/" + messageId).json()).isEqualTo(messageBefore);
		JsonNode history = owner.get("/api/v1/chats/" + chatId + "/messages").json();
		assertThat(ConversationsClient.ids(history)).containsExactly(messageId);
	}

	@Test
	void anotherUsersChatsNeverAppearInLists() {
		String ownChat = intruder.startChatId("Mine " + titleWord);
		owner.post("/api/v1/chats/" + chatId + "/bookmark", map("bookmarked", true));

		for (String query : new String[] { "", "?q=" + titleWord, "?bookmarked=true", "?archived=true",
				"?limit=100" }) {
			JsonNode page = intruder.get("/api/v1/chats" + query).json();
			assertThat(ConversationsClient.ids(page)).as(query).doesNotContain(chatId);
		}
		assertThat(ConversationsClient.ids(intruder.get("/api/v1/chats?q=" + titleWord).json()))
			.containsExactly(ownChat);
		assertThat(ConversationsClient.ids(owner.get("/api/v1/chats?q=" + titleWord).json())).containsExactly(chatId);
	}

	record Route(String method, String template, String body) {

		Response send(ApiClient api, String token, String chatId, String messageId) {
			String path = template.replace("{chat}", chatId).replace("{message}", messageId);
			if (body == null) {
				return api.raw(method, path, token, null, "");
			}
			return api.raw(method, path, token, "application/json", body);
		}

		@Override
		public String toString() {
			return method + " " + template + (body == null ? "" : " " + body);
		}
	}
}
