package dev.parley.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** The conversations endpoints as one freshly registered user calls them, for tests. */
record ConversationsClient(ApiClient api, ApiClient.Session session) {

	static ConversationsClient registered(ApiClient api) {
		return new ConversationsClient(api, api.register());
	}

	String token() {
		return session.accessToken();
	}

	Response get(String path) {
		return api.get(path, token());
	}

	Response post(String path, Object body) {
		return api.post(path, token(), body);
	}

	Response patch(String path, Object body) {
		return api.patch(path, token(), body);
	}

	Response delete(String path) {
		return api.delete(path, token());
	}

	/** A POST without any body or Content-Type. */
	Response postNothing(String path) {
		return api.raw("POST", path, token(), null, "");
	}

	JsonNode startChat(String title) {
		Response response = post("/api/v1/chats", ApiClient.map("title", title));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	String startChatId(String title) {
		return startChat(title).get("id").asString();
	}

	JsonNode chat(String chatId) {
		Response response = get("/api/v1/chats/" + chatId);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	JsonNode postMessage(String chatId, String content) {
		Response response = post("/api/v1/chats/" + chatId + "/messages",
				ApiClient.map("role", "user", "content", content));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** Every id of a paginated list, page by page, following next_cursor until it is null. */
	List<List<String>> pagesOfIds(String path, int limit) {
		List<List<String>> pages = new ArrayList<>();
		String cursor = null;
		do {
			String separator = path.contains("?") ? "&" : "?";
			Response response = get(path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			pages.add(ids(response.json()));
			JsonNode next = response.json().get("next_cursor");
			cursor = next.isNull() ? null : next.asString();
			assertThat(pages).as("pagination must end").hasSizeLessThan(1000);
		}
		while (cursor != null);
		return pages;
	}

	/** The ids of a list response's items, in order. */
	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	/** A word no other test or earlier run has used, so a search finds only what this test wrote. */
	static String uniqueWord() {
		return "w" + UUID.randomUUID().toString().replace("-", "");
	}
}
