package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A run that has used its token budget stops before its next model call, with a notice. */
@IntegrationTest
class RunTokenBudgetIntegrationTests {

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("unexpected"));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> "sk-server-key-0123456789");
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		// One model call of the fake uses 11 prompt tokens and more: the second call is over budget.
		registry.add("parley.agents.runs.token-budget", () -> "10");
	}

	@AfterAll
	static void stop() {
		openai.close();
	}

	@Autowired
	ApiClient api;

	@Test
	void theTokenBudgetEndsTheRunWithANotice() {
		Session session = api.register();
		String agent = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Frugal", "model", "openai/gpt-4o-mini", "tools", List.of("calculator")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id")
			.asString();
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("c1", "calculator", "{\"expression\":\"1+1\"}")));

		JsonNode reply = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "add")).json().get("assistant_message");

		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).contains("used up its budget of 10 tokens");
		assertThat(openai.requestCount()).isEqualTo(1);
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		assertThat(runs.get(0).get("stop_reason").asString()).isEqualTo("token_budget");
	}
}
