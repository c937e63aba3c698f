package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run paused for approval outlives the process that paused it: another process, on the same
 * database, takes it on when the decision comes — or, when the decision was stored without reaching
 * any process, from the ledger within seconds.
 */
@IntegrationTest
class AgentRunRestartIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	AgentRuns agentRuns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunPausedByAStoppedProcessGoesOnWhenApprovedHere() {
		JsonNode run;
		Session session;
		String reply;
		try (ConfigurableApplicationContext stopped = new SpringApplicationBuilder(ParleyApplication.class)
			.run("--server.port=0", "--spring.profiles.active=test")) {
			ApiClient gone = new ApiClient(Integer.parseInt(stopped.getEnvironment().getProperty("local.server.port")));
			session = gone.register();
			String chat = pausedTurn(gone, session);
			run = onlyRun(gone, session, chat);
			reply = run.get("reply_message_id").asString();
		}

		String step = run.get("steps").get(1).get("id").asString();
		Response approved = api.post("/api/v1/runs/" + run.get("id").asString() + "/approvals", session.accessToken(),
				map("step_id", step, "decision", "approve"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		JsonNode ended = awaitEnd(session, run.get("id").asString());
		assertThat(ended.get("stop_reason").asString()).isEqualTo("answered");
		JsonNode message = api.get("/api/v1/messages/" + reply, session.accessToken()).json();
		assertThat(message.get("status").asString()).isEqualTo("completed");
		assertThat(message.get("content").asString()).contains("Echo: tool calculator returned").contains("4");
	}

	@Test
	void aDecisionThatReachedNoProcessIsTakenOnFromTheLedger() {
		Session session = api.register();
		String chat = pausedTurn(api, session);
		JsonNode run = onlyRun(api, session, chat);
		JsonNode step = run.get("steps").get(1);
		// As if the process that stored the decision stopped before it could go on with the run.
		jdbc.sql("""
				insert into approval_decisions (id, run_id, step_id, user_id, tool, arguments_sha256, decision, scope,
				decided_by, decided_at) values (:id, :run, :step, :user, 'calculator', :hash, 'APPROVE', 'ONCE', :user, now())""")
			.param("id", UUID.randomUUID())
			.param("run", UUID.fromString(run.get("id").asString()))
			.param("step", UUID.fromString(step.get("id").asString()))
			.param("user", UUID.fromString(session.userId()))
			.param("hash", jdbc.sql("select arguments_sha256 from run_steps where id = :id")
				.param("id", UUID.fromString(step.get("id").asString()))
				.query(String.class)
				.single())
			.update();

		agentRuns.goOnWithDecided();

		assertThat(awaitEnd(session, run.get("id").asString()).get("stop_reason").asString()).isEqualTo("answered");
	}

	private static String pausedTurn(ApiClient client, Session session) {
		String agent = client.post("/api/v1/agents", session.accessToken(),
				map("name", "Careful", "model", "local/echo", "tools", List.of("calculator"), "tool_policies",
						Map.of("calculator", "ask")))
			.json()
			.get("id")
			.asString();
		String chat = client.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id")
			.asString();
		Response turn = client.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool calculator {\"expression\": \"2+2\"}"));
		assertThat(turn.json().get("assistant_message").get("status").asString()).isEqualTo("awaiting_approval");
		return chat;
	}

	private static JsonNode onlyRun(ApiClient client, Session session, String chat) {
		JsonNode runs = client.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		return client.get("/api/v1/runs/" + runs.get(0).get("id").asString(), session.accessToken()).json();
	}

	private JsonNode awaitEnd(Session session, String runId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			JsonNode run = api.get("/api/v1/runs/" + runId, session.accessToken()).json();
			if (!run.get("status").asString().equals("running")
					&& !run.get("status").asString().equals("awaiting_approval")) {
				return run;
			}
			assertThat(Instant.now()).as("run still " + run.get("status").asString()).isBefore(deadline);
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
