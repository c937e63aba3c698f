package dev.parley.agents.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import dev.parley.conversations.Chat;
import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageRole;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** search_chats finds the caller's own messages and titles in PostgreSQL, and nobody else's. */
@IntegrationTest
class SearchChatsToolIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Autowired
	Chats chats;

	@Autowired
	Toolbox toolbox;

	UUID alice;

	UUID bob;

	Chat aliceGarden;

	Chat bobGarden;

	@BeforeEach
	void twoUsersTalkAboutTomatoes() {
		alice = UUID.fromString(api.register().userId());
		bob = UUID.fromString(api.register().userId());
		aliceGarden = chats.start(alice, "Garden plans", null, null);
		chats.post(aliceGarden.id(), alice, MessageRole.USER, "When should I water the tomatoes?");
		chats.post(aliceGarden.id(), alice, MessageRole.ASSISTANT, "Water tomatoes early in the morning.");
		chats.post(chats.start(alice, "Taxes", null, null).id(), alice, MessageRole.USER, "My tax return is due.");
		bobGarden = chats.start(bob, "Tomato secrets", null, null);
		chats.post(bobGarden.id(), bob, MessageRole.USER, "Bob's secret tomato fertiliser recipe");
	}

	@Test
	void findsTheCallersOwnMessagesWithSnippets() {
		JsonNode answer = search(alice, "{\"query\": \"watering tomatoes\"}");

		assertThat(answer.get("count").asInt()).isEqualTo(2);
		assertThat(answer.get("matches")).allSatisfy(match -> {
			assertThat(match.get("chat_id").asString()).isEqualTo(aliceGarden.id().toString());
			assertThat(match.get("chat_title").asString()).isEqualTo("Garden plans");
			assertThat(match.get("snippet").asString()).contains("«tomatoes»");
		});
		assertThat(answer.get("matches")).extracting(match -> match.get("role").asString())
			.containsExactlyInAnyOrder("user", "assistant");
	}

	@Test
	void neverShowsAnotherUsersChats() {
		JsonNode alices = search(alice, "{\"query\": \"tomato\"}");
		JsonNode bobs = search(bob, "{\"query\": \"tomato\"}");

		assertThat(alices.toString()).doesNotContain(bobGarden.id().toString(), "secret", "fertiliser", "Bob");
		assertThat(alices.get("count").asInt()).isEqualTo(2);
		assertThat(bobs.toString()).doesNotContain(aliceGarden.id().toString(), "morning", "Garden");
		assertThat(bobs.get("matches")).extracting(match -> match.get("role").asString())
			.containsExactlyInAnyOrder("user", "title");
		assertThat(search(alice, "{\"query\": \"fertiliser\"}").get("count").asInt()).isZero();
	}

	@Test
	void findsTitlesAndKeepsToTheLimit() {
		JsonNode taxes = search(alice, "{\"query\": \"taxes\"}");
		JsonNode one = search(alice, "{\"query\": \"tomatoes or tax\", \"limit\": 1}");

		assertThat(taxes.get("matches")).extracting(match -> match.get("role").asString())
			.containsExactlyInAnyOrder("title", "user");
		assertThat(one.get("count").asInt()).isEqualTo(1);
	}

	@Test
	void refusesALimitPastItsCap() {
		ToolResult result = toolbox.call(alice, "call_1", SearchChatsTool.NAME, "{\"query\": \"x\", \"limit\": 500}",
				Instant.now().plusSeconds(30));

		assertThat(result.ok()).isFalse();
		assertThat(result.content()).contains("limit");
	}

	private JsonNode search(UUID user, String arguments) {
		ToolResult result = toolbox.call(user, "call_1", SearchChatsTool.NAME, arguments, Instant.now().plusSeconds(30));
		assertThat(result.ok()).as(result.content()).isTrue();
		return JSON.readTree(result.content());
	}
}
