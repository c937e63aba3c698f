package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A run whose wall-clock budget is spent ends with its stop reason and a notice, not an error. */
@IntegrationTest
@TestPropertySource(properties = "parley.agents.runs.time-budget=1ms")
class RunTimeBudgetIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void theTimeBudgetEndsTheRunWithANotice() {
		Session session = api.register();
		String agent = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Hasty", "model", "local/echo", "tools", List.of("calculator")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id")
			.asString();

		JsonNode reply = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"1+1\"}")).json().get("assistant_message");

		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).contains("Stopped: the run used up its time budget.");
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		assertThat(runs.get(0).get("stop_reason").asString()).isEqualTo("time_budget");
	}
}
