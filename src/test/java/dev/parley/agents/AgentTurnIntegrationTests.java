package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An agent's turns over HTTP with the development model, which calls a tool when a message says
 * {@code /tool <name> <json>}: the stream shows the call and its result, the run's ledger has every
 * step, a tool that asks waits for a person, and the limits end a run with a notice.
 */
@IntegrationTest
class AgentTurnIntegrationTests {

	@Autowired
	ApiClient api;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void streamsToolCallsAndResultsBeforeTheAnswer() {
		String chat = chatWith(agent(List.of("calculator"), Map.of()));

		List<SseStream.Event> events;
		try (SseStream stream = api.stream("POST", "/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"6*7\"}", "stream", true), null)) {
			assertThat(stream.status()).isEqualTo(200);
			events = stream.rest();
		}

		assertThat(events).extracting(SseStream.Event::name).startsWith("user_message", "tool_call", "tool_result")
			.endsWith("done");
		JsonNode call = events.get(1).json();
		assertThat(call.get("name").asString()).isEqualTo("calculator");
		JsonNode result = events.get(2).json();
		assertThat(result.get("id").asString()).isEqualTo(call.get("id").asString());
		assertThat(result.get("ok").asBoolean()).isTrue();
		assertThat(result.get("summary").asString()).contains("42");
		JsonNode done = events.getLast().json();
		assertThat(done.get("status").asString()).isEqualTo("completed");
		assertThat(done.get("content").asString()).contains("Echo: tool calculator returned").contains("42");

		JsonNode run = onlyRun(chat);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(run.get("stop_reason").asString()).isEqualTo("answered");
		assertThat(run.get("steps")).extracting(step -> step.get("kind").asString())
			.containsExactly("model", "tool", "model");
		assertThat(run.get("steps").get(1).get("status").asString()).isEqualTo("completed");
		assertThat(run.get("reply_message_id").asString()).isEqualTo(done.get("id").asString());
	}

	@Test
	void aToolThatAsksPausesTheRunUntilAPersonApproves() {
		String chat = chatWith(agent(List.of("calculator"), Map.of("calculator", "ask")));

		Response turn = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"1+1\"}"));

		assertThat(turn.status()).as(turn.body()).isEqualTo(200);
		JsonNode reply = turn.json().get("assistant_message");
		assertThat(reply.get("status").asString()).isEqualTo("awaiting_approval");
		JsonNode run = onlyRun(chat);
		assertThat(run.get("status").asString()).isEqualTo("awaiting_approval");
		JsonNode step = run.get("steps").get(1);
		assertThat(step.get("status").asString()).isEqualTo("awaiting_approval");

		Response approved = api.post("/api/v1/runs/" + run.get("id").asString() + "/approvals", session.accessToken(),
				map("step_id", step.get("id").asString(), "decision", "approve"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		JsonNode ended = awaitRunEnd(run.get("id").asString());
		assertThat(ended.get("stop_reason").asString()).isEqualTo("answered");
		assertThat(ended.get("steps").get(1).get("status").asString()).isEqualTo("completed");
		assertThat(ended.get("approvals").get(0).get("decided_by").asString()).isEqualTo(session.userId());
		JsonNode message = api.get("/api/v1/messages/" + reply.get("id").asString(), session.accessToken()).json();
		assertThat(message.get("status").asString()).isEqualTo("completed");
		assertThat(message.get("content").asString()).contains("Echo: tool calculator returned").contains("2");
	}

	@Test
	void aDenialGoesBackToTheModelAndTheToolNeverRuns() {
		String chat = chatWith(agent(List.of("calculator"), Map.of("calculator", "ask")));
		api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"1+1\"}"));
		JsonNode run = onlyRun(chat);

		api.post("/api/v1/runs/" + run.get("id").asString() + "/approvals", session.accessToken(),
				map("step_id", run.get("steps").get(1).get("id").asString(), "decision", "deny", "reason", "no maths"));

		JsonNode ended = awaitRunEnd(run.get("id").asString());
		assertThat(ended.get("steps").get(1).get("status").asString()).isEqualTo("denied");
		assertThat(ended.get("steps").get(1).get("result_summary").asString()).contains("no maths");
	}

	@Test
	void theStepLimitEndsARunWithANotice() {
		String chat = chatWith(agent(List.of("calculator"), Map.of(), 1));

		Response turn = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"2^10\"}"));

		JsonNode reply = turn.json().get("assistant_message");
		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).contains("Stopped: the run reached its limit of 1 model calls.");
		JsonNode run = onlyRun(chat);
		assertThat(run.get("stop_reason").asString()).isEqualTo("max_steps");
		// The tool ran; the model was not called again.
		assertThat(run.get("steps")).extracting(step -> step.get("kind").asString()).containsExactly("model", "tool");
	}

	@Test
	void aTurnMayNameTheAgentAndNeverAnotherUsersOrAnInactiveOne() {
		String agent = agent(List.of("calculator"), Map.of());
		String plainChat = api.post("/api/v1/chats", session.accessToken(), map("title", "plain")).json().get("id")
			.asString();

		Response named = api.post("/api/v1/chats/" + plainChat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"3*3\"}", "agent_id", agent));
		assertThat(named.json().get("assistant_message").get("content").asString()).contains("9");

		Session other = api.register();
		String theirChat = api.post("/api/v1/chats", other.accessToken(), map("title", "x")).json().get("id")
			.asString();
		Response stolen = api.post("/api/v1/chats/" + theirChat + "/completions", other.accessToken(),
				map("content", "hi", "agent_id", agent));
		assertThat(stolen.status()).isEqualTo(400);
		assertThat(stolen.body()).contains("agent_id");
		Response otherChat = api.post("/api/v1/chats", other.accessToken(), map("agent_id", agent));
		assertThat(otherChat.status()).isEqualTo(400);

		api.patch("/api/v1/agents/" + agent, session.accessToken(), map("status", "inactive"));
		Response inactive = api.post("/api/v1/chats/" + plainChat + "/completions", session.accessToken(),
				map("content", "hi", "agent_id", agent));
		assertThat(inactive.status()).isEqualTo(400);
	}

	@Test
	void aPlainTurnIsARunOfOneModelCallWithoutTools() {
		String chat = api.post("/api/v1/chats", session.accessToken(), map("title", "plain")).json().get("id")
			.asString();

		Response turn = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"1+1\"}"));

		assertThat(turn.json().get("assistant_message").get("content").asString())
			.isEqualTo("Echo: /tool calculator {\"expression\": \"1+1\"}");
		// A plain turn is a run too: one model call, no tools.
		JsonNode run = onlyRun(chat);
		assertThat(run.get("agent_id").isNull()).isTrue();
		assertThat(run.get("stop_reason").asString()).isEqualTo("answered");
		assertThat(run.get("steps")).singleElement().satisfies(step -> {
			assertThat(step.get("kind").asString()).isEqualTo("model");
			assertThat(step.get("completion_tokens").asInt()).isPositive();
		});
	}

	String agent(List<String> tools, Map<String, String> policies) {
		return agent(tools, policies, null);
	}

	String agent(List<String> tools, Map<String, String> policies, Integer maxSteps) {
		Map<String, Object> body = map("name", "Helper", "model", "local/echo", "tools", tools, "tool_policies",
				policies);
		if (maxSteps != null) {
			body.put("max_steps", maxSteps);
		}
		Response created = api.post("/api/v1/agents", session.accessToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	String chatWith(String agentId) {
		Response chat = api.post("/api/v1/chats", session.accessToken(), map("title", "with agent", "agent_id", agentId));
		assertThat(chat.status()).as(chat.body()).isEqualTo(201);
		assertThat(chat.json().get("agent_id").asString()).isEqualTo(agentId);
		return chat.json().get("id").asString();
	}

	JsonNode onlyRun(String chat) {
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		assertThat(runs).hasSize(1);
		return api.get("/api/v1/runs/" + runs.get(0).get("id").asString(), session.accessToken()).json();
	}

	JsonNode awaitRunEnd(String runId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			JsonNode run = api.get("/api/v1/runs/" + runId, session.accessToken()).json();
			String status = run.get("status").asString();
			if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
				return run;
			}
			assertThat(Instant.now()).as("run " + runId + " still " + status).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
