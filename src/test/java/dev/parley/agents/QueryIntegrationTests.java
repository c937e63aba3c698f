package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** One-shot queries: answered by the default agent or a named one, kept in a chat. */
@IntegrationTest
class QueryIntegrationTests {

	@Autowired
	ApiClient api;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void theDefaultAgentAnswersWithTheBuiltInToolsInANewChat() {
		Response answered = api.post("/api/v1/query", session.accessToken(),
				map("prompt", "/tool calculator {\"expression\": \"12*12\"}"));

		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		JsonNode body = answered.json();
		assertThat(body.get("answer").asString()).contains("144");
		assertThat(body.get("status").asString()).isEqualTo("completed");
		String chat = body.get("chat_id").asString();
		assertThat(api.get("/api/v1/chats/" + chat, session.accessToken()).json().get("title").asString())
			.startsWith("/tool calculator");
		JsonNode run = api.get("/api/v1/runs/" + body.get("run_id").asString(), session.accessToken()).json();
		assertThat(run.get("chat_id").asString()).isEqualTo(chat);
		assertThat(run.get("agent_id").isNull()).isTrue();
		assertThat(api.get("/api/v1/chats/" + chat + "/messages", session.accessToken()).json().get("items"))
			.hasSize(2);
	}

	@Test
	void aNamedAgentAnswersInTheGivenChat() {
		String agent = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Clock", "model", "local/echo", "tools", List.of("current_time")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("title", "Mine")).json().get("id")
			.asString();

		JsonNode body = api.post("/api/v1/query", session.accessToken(),
				map("prompt", "hello there", "agent_id", agent, "chat_id", chat)).json();

		assertThat(body.get("chat_id").asString()).isEqualTo(chat);
		assertThat(body.get("answer").asString()).isEqualTo("Echo: hello there");
		assertThat(api.get("/api/v1/runs/" + body.get("run_id").asString(), session.accessToken()).json()
			.get("agent_id").asString()).isEqualTo(agent);
	}

	@Test
	void anotherUsersAgentOrChatIsRefusedAndLeavesNoChat() {
		Session other = api.register();
		String theirAgent = api.post("/api/v1/agents", other.accessToken(), map("name", "Theirs")).json().get("id")
			.asString();
		String theirChat = api.post("/api/v1/chats", other.accessToken(), map("title", "x")).json().get("id")
			.asString();

		assertThat(api.post("/api/v1/query", session.accessToken(), map("prompt", "hi", "agent_id", theirAgent))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/query", session.accessToken(), map("prompt", "hi", "chat_id", theirChat))
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/chats", session.accessToken()).json().get("items")).isEmpty();
	}
}
