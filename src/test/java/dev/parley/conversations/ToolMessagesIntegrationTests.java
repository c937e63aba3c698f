package dev.parley.conversations;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tool calls in a chat's history: shown with their messages, and read into prompts. */
@IntegrationTest
class ToolMessagesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Chats chats;

	@Autowired
	Replies replies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void messagesShowTheirToolCallsAndPromptsCarryThem() {
		ApiClient.Session session = api.register();
		UUID userId = UUID.fromString(session.userId());
		JsonNode chat = api.post("/api/v1/chats", session.accessToken(), map("title", "Tools")).json();
		assertThat(chat.has("agent_id")).isTrue();
		assertThat(chat.get("agent_id").isNull()).isTrue();
		assertThat(chat.get("project_id").isNull()).isTrue();
		UUID chatId = UUID.fromString(chat.get("id").asString());
		chats.post(chatId, userId, MessageRole.USER, "weather in Oslo?");
		UUID assistant = insert(chatId, "ASSISTANT", "",
				"[{\"id\": \"call_1\", \"name\": \"weather\", \"arguments\": \"{\\\"city\\\":\\\"Oslo\\\"}\"}]", null);
		insert(chatId, "TOOL", "{\"celsius\": 3}", null, "call_1");

		JsonNode items = api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json().get("items");

		assertThat(items).hasSize(3);
		assertThat(items.get(0).has("tool_calls")).isFalse();
		assertThat(items.get(0).has("tool_call_id")).isFalse();
		JsonNode call = items.get(1).get("tool_calls").get(0);
		assertThat(call.get("id").asString()).isEqualTo("call_1");
		assertThat(call.get("name").asString()).isEqualTo("weather");
		assertThat(call.get("arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
		assertThat(items.get(2).get("role").asString()).isEqualTo("tool");
		assertThat(items.get(2).get("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(api.get("/api/v1/messages/" + assistant, session.accessToken()).json().get("tool_calls"))
			.hasSize(1);

		List<HistoryMessage> history = replies.promptHistory(chatId, userId, 10, 10_000);

		assertThat(history).containsExactly(new HistoryMessage(MessageRole.USER, "weather in Oslo?"),
				new HistoryMessage(MessageRole.ASSISTANT, "",
						List.of(new ToolCallRecord("call_1", "weather", "{\"city\":\"Oslo\"}")), null),
				new HistoryMessage(MessageRole.TOOL, "{\"celsius\": 3}", List.of(), "call_1"));
	}

	private UUID insert(UUID chatId, String role, String content, String toolCalls, String toolCallId) {
		UUID id = Ids.next();
		jdbc.sql("""
				insert into messages (id, chat_id, role, content, status, tool_calls, tool_call_id, created_at,
				                      updated_at, version)
				values (?, ?, ?, ?, 'COMPLETED', cast(? as jsonb), ?, now(), now(), 0)
				""").params(id, chatId, role, content, toolCalls, toolCallId).update();
		return id;
	}
}
