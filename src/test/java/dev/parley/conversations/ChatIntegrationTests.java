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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ChatIntegrationTests {

	@Autowired
	ApiClient api;

	ConversationsClient user;

	@BeforeEach
	void registerUser() {
		user = ConversationsClient.registered(api);
	}

	@Test
	void chatLivesThroughCreateReadUpdateAndDelete() {
		Response created = user.post("/api/v1/chats",
				map("title", "Trip to Lisbon", "model", "local/echo", "system_prompt", "You are a travel agent."));
		assertThat(created.status()).isEqualTo(201);
		JsonNode chat = created.json();
		String id = chat.get("id").asString();
		assertThat(chat.get("title").asString()).isEqualTo("Trip to Lisbon");
		assertThat(chat.get("model").asString()).isEqualTo("local/echo");
		assertThat(chat.get("system_prompt").asString()).isEqualTo("You are a travel agent.");
		assertThat(chat.get("archived").asBoolean()).isFalse();
		assertThat(chat.get("bookmarked").asBoolean()).isFalse();
		assertThat(chat.get("message_count").asInt()).isZero();
		assertThat(chat.get("last_message_at").isNull()).isTrue();
		assertThat(chat.get("created_at").asString()).isEqualTo(chat.get("updated_at").asString());

		assertThat(user.chat(id)).isEqualTo(chat);

		Response renamed = user.patch("/api/v1/chats/" + id, map("title", "Lisbon in May"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("title").asString()).isEqualTo("Lisbon in May");
		assertThat(renamed.json().get("model").asString()).isEqualTo("local/echo");
		assertThat(renamed.json().get("system_prompt").asString()).isEqualTo("You are a travel agent.");
		assertThat(instant(renamed.json(), "updated_at")).isAfter(instant(chat, "created_at"));

		JsonNode changed = user
			.patch("/api/v1/chats/" + id, map("model", "", "system_prompt", "Be brief.", "archived", true, "bookmarked", true))
			.json();
		assertThat(changed.get("model").isNull()).isTrue();
		assertThat(changed.get("system_prompt").asString()).isEqualTo("Be brief.");
		assertThat(changed.get("archived").asBoolean()).isTrue();
		assertThat(changed.get("bookmarked").asBoolean()).isTrue();
		assertThat(changed.get("title").asString()).isEqualTo("Lisbon in May");
		assertThat(user.chat(id)).isEqualTo(changed);

		JsonNode unchanged = user.patch("/api/v1/chats/" + id, map("title", null, "archived", null)).json();
		assertThat(unchanged.get("title").asString()).isEqualTo("Lisbon in May");
		assertThat(unchanged.get("archived").asBoolean()).isTrue();

		assertThat(user.delete("/api/v1/chats/" + id).status()).isEqualTo(204);
		assertThat(user.get("/api/v1/chats/" + id).status()).isEqualTo(404);
		assertThat(user.delete("/api/v1/chats/" + id).status()).isEqualTo(404);
	}

	@Test
	void chatNeedsNoFields() {
		Response created = user.post("/api/v1/chats", "{}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("title").isNull()).isTrue();
		assertThat(created.json().get("model").isNull()).isTrue();
		assertThat(created.json().get("system_prompt").isNull()).isTrue();
	}

	@Test
	void archiveSetsWhatTheBodySaysAndTogglesWithoutBody() {
		String id = user.startChatId("Archive me");
		String path = "/api/v1/chats/" + id + "/archive";

		assertThat(user.post(path, map("archived", true)).json().get("archived").asBoolean()).isTrue();
		assertThat(user.post(path, map("archived", true)).json().get("archived").asBoolean()).isTrue();
		Response toggled = user.postNothing(path);
		assertThat(toggled.status()).isEqualTo(200);
		assertThat(toggled.json().get("archived").asBoolean()).isFalse();
		assertThat(user.postNothing(path).json().get("archived").asBoolean()).isTrue();
		assertThat(user.post(path, null).json().get("archived").asBoolean()).as("empty JSON body toggles").isFalse();
		assertThat(user.post(path, map("archived", false)).json().get("archived").asBoolean()).isFalse();
		assertThat(user.chat(id).get("archived").asBoolean()).isFalse();
		assertThat(user.chat(id).get("bookmarked").asBoolean()).isFalse();
	}

	@Test
	void bookmarkSetsWhatTheBodySaysAndTogglesWithoutBody() {
		String id = user.startChatId("Bookmark me");
		String path = "/api/v1/chats/" + id + "/bookmark";

		assertThat(user.post(path, map("bookmarked", true)).json().get("bookmarked").asBoolean()).isTrue();
		assertThat(user.postNothing(path).json().get("bookmarked").asBoolean()).isFalse();
		assertThat(user.postNothing(path).json().get("bookmarked").asBoolean()).isTrue();
		assertThat(user.post(path, map("bookmarked", false)).json().get("bookmarked").asBoolean()).isFalse();
		assertThat(user.chat(id).get("bookmarked").asBoolean()).isFalse();
		assertThat(user.chat(id).get("archived").asBoolean()).isFalse();
	}

	@Test
	void archiveAndBookmarkBodiesMustSayWhat() {
		String id = user.startChatId("Strict");
		Response archive = user.post("/api/v1/chats/" + id + "/archive", map("archive", true));
		assertThat(archive.status()).isEqualTo(400);
		assertThat(archive.json().get("errors").get(0).get("field").asString()).isEqualTo("archived");
		Response bookmark = user.post("/api/v1/chats/" + id + "/bookmark", "{}");
		assertThat(bookmark.status()).isEqualTo(400);
		assertThat(bookmark.json().get("errors").get(0).get("field").asString()).isEqualTo("bookmarked");
		assertThat(user.chat(id).get("archived").asBoolean()).isFalse();
	}

	@Test
	void listFiltersByArchivedAndBookmarked() {
		String plain = user.startChatId("Plain");
		String archived = user.startChatId("Archived");
		String bookmarked = user.startChatId("Bookmarked");
		String archivedAndBookmarked = user.startChatId("Both");
		user.post("/api/v1/chats/" + archived + "/archive", map("archived", true));
		user.post("/api/v1/chats/" + bookmarked + "/bookmark", map("bookmarked", true));
		user.patch("/api/v1/chats/" + archivedAndBookmarked, map("archived", true, "bookmarked", true));

		assertThat(listIds("")).containsExactly(bookmarked, plain);
		assertThat(listIds("?archived=false")).containsExactly(bookmarked, plain);
		assertThat(listIds("?archived=true")).containsExactly(archivedAndBookmarked, archived);
		assertThat(listIds("?bookmarked=true")).containsExactly(bookmarked);
		assertThat(listIds("?bookmarked=false")).containsExactly(plain);
		assertThat(listIds("?archived=true&bookmarked=true")).containsExactly(archivedAndBookmarked);
	}

	@Test
	void listShowsNewestActivityFirstAcrossPages() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(user.startChatId("Chat " + i));
		}
		List<List<String>> pages = user.pagesOfIds("/api/v1/chats", 3);
		assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
		assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(created.reversed());

		user.postMessage(created.getFirst(), "Back to the oldest chat");
		List<String> afterMessage = user.pagesOfIds("/api/v1/chats", 3).stream().flatMap(List::stream).toList();
		assertThat(afterMessage.getFirst()).isEqualTo(created.getFirst());
		assertThat(afterMessage).hasSize(7).doesNotHaveDuplicates();
	}

	@Test
	void limitIsClampedToOneHundredAndAtLeastOne() {
		for (int i = 0; i < 101; i++) {
			user.startChatId("Many " + i);
		}
		JsonNode page = user.get("/api/v1/chats?limit=500").json();
		assertThat(page.get("items")).hasSize(100);
		assertThat(page.get("next_cursor").isNull()).isFalse();
		assertThat(user.get("/api/v1/chats").json().get("items")).hasSize(20);
		assertThat(user.get("/api/v1/chats?limit=0").json().get("items")).hasSize(1);
		JsonNode rest = user.get("/api/v1/chats?limit=100&cursor=" + page.get("next_cursor").asString()).json();
		assertThat(rest.get("items")).hasSize(1);
		assertThat(rest.get("next_cursor").isNull()).isTrue();
	}

	@Test
	void searchFindsChatsByTitleOrMessageText() {
		String titleWord = ConversationsClient.uniqueWord();
		String messageWord = ConversationsClient.uniqueWord();
		String byTitle = user.startChatId("Planning " + titleWord);
		String byMessage = user.startChatId("Something else");
		user.postMessage(byMessage, "Let us talk about " + messageWord + " today.");
		String neither = user.startChatId("Unrelated");
		user.postMessage(neither, "Nothing to see.");

		assertThat(listIds("?q=" + titleWord)).containsExactly(byTitle);
		assertThat(listIds("?q=" + messageWord)).containsExactly(byMessage);
		assertThat(listIds("?q=" + titleWord + "+or+" + messageWord)).containsExactly(byMessage, byTitle);
		assertThat(listIds("?q=" + ConversationsClient.uniqueWord())).isEmpty();
		assertThat(listIds("?q=%22unclosed+%26%7C%21+-")).as("any text is a valid query").isEmpty();

		user.post("/api/v1/chats/" + byTitle + "/archive", map("archived", true));
		assertThat(listIds("?q=" + titleWord)).isEmpty();
		assertThat(listIds("?archived=true&q=" + titleWord)).containsExactly(byTitle);
	}

	@Test
	void refusesInvalidFields() {
		Response longTitle = user.post("/api/v1/chats", map("title", "t".repeat(201)));
		assertThat(longTitle.status()).isEqualTo(400);
		assertThat(longTitle.contentType()).startsWith("application/problem+json");
		assertThat(longTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");

		Response longPrompt = user.post("/api/v1/chats", map("system_prompt", "p".repeat(100_001)));
		assertThat(longPrompt.status()).isEqualTo(400);
		assertThat(longPrompt.json().get("errors").get(0).get("field").asString()).isEqualTo("system_prompt");

		String id = user.startChatId("Valid");
		Response longModel = user.patch("/api/v1/chats/" + id, map("model", "m".repeat(201)));
		assertThat(longModel.status()).isEqualTo(400);
		assertThat(longModel.json().get("errors").get(0).get("field").asString()).isEqualTo("model");

		Response longQuery = user.get("/api/v1/chats?q=" + "q".repeat(201));
		assertThat(longQuery.status()).isEqualTo(400);
		assertThat(longQuery.json().get("errors").get(0).get("field").asString()).isEqualTo("q");

		Response badLimit = user.get("/api/v1/chats?limit=many");
		assertThat(badLimit.status()).isEqualTo(400);
		assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
	}

	@Test
	void refusesMalformedRequests() {
		Response malformed = api.raw("POST", "/api/v1/chats", user.token(), "application/json", "{\"title\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		assertThat(user.get("/api/v1/chats/not-a-uuid").status()).isEqualTo(404);
		assertThat(user.get("/api/v1/chats/" + UUID.randomUUID()).status()).isEqualTo(404);

		Response badCursor = user.get("/api/v1/chats?cursor=not-a-cursor");
		assertThat(badCursor.status()).isEqualTo(400);
		assertThat(badCursor.json().get("detail").asString()).contains("cursor");
	}

	@Test
	void needsAuthentication() {
		assertThat(api.get("/api/v1/chats", null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/chats", null, map("title", "Anonymous")).status()).isEqualTo(401);
	}

	@Test
	void documentsTheEndpoints() {
		JsonNode openApi = api.get("/openapi.json", null).json();
		JsonNode paths = openApi.get("paths");
		assertThat(paths.get("/api/v1/chats/{id}/archive").get("post").get("summary").asString())
			.contains("toggle");
		assertThat(paths.get("/api/v1/chats/{chatId}/messages").get("post").get("tags").get(0).asString())
			.isEqualTo("Messages");
		assertThat(paths.get("/api/v1/chats").get("get").get("tags").get(0).asString()).isEqualTo("Chats");
		assertThat(paths.get("/api/v1/messages/{id}").propertyNames()).contains("get", "patch", "delete");
	}

	private List<String> listIds(String query) {
		Response response = user.get("/api/v1/chats" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return ConversationsClient.ids(response.json());
	}

	private static Instant instant(JsonNode node, String field) {
		return Instant.parse(node.get(field).asString());
	}
}
