package dev.parley.feedback;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Runs that wait for a person: an agent's {@code ask_human} call and an {@code ask} policy's
 * approval are feedback requests; the answer (or the deadline) lets the run go on.
 */
@IntegrationTest
@Import(FeedbackTestChannels.class)
class AskHumanIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedbackDeadlines deadlines;

	@Test
	void anAgentAsksTheRunPausesAndTheAnswerIsTheToolResult() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Which colour?\", \"options\": [\"red\", \"blue\"]}");
		JsonNode request = paused.request();
		assertThat(request.get("kind").asString()).isEqualTo("question");
		assertThat(request.get("question").asString()).isEqualTo("Which colour?");
		assertThat(request.get("requester").get("run_id").asString()).isEqualTo(paused.runId());
		assertThat(run(me, paused.runId()).get("status").asString()).isEqualTo("awaiting_approval");

		Response answered = api.post("/api/v1/feedback/" + request.get("id").asString() + "/answer", me.accessToken(),
				map("answer", "Blue"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("stop_reason").asString()).isEqualTo("answered");
		JsonNode step = ended.get("steps").get(1);
		assertThat(step.get("tool").asString()).isEqualTo("ask_human");
		assertThat(step.get("status").asString()).isEqualTo("completed");
		JsonNode message = api.get("/api/v1/messages/" + paused.replyId(), me.accessToken()).json();
		assertThat(message.get("status").asString()).isEqualTo("completed");
		assertThat(message.get("content").asString()).contains("Echo: tool ask_human returned")
			.contains("\"answer\":\"blue\"")
			.contains("\"answered_via\":\"in_app\"");
		assertThat(ended.get("approvals")).isEmpty();
		// The reply's log tells the call and, once answered, its result, in order.
		try (SseStream stream = api.stream("GET", "/api/v1/messages/" + paused.replyId() + "/stream", me.accessToken(),
				null, null)) {
			List<String> names = stream.rest().stream().map(SseStream.Event::name).toList();
			assertThat(names).containsSubsequence("tool_call", "tool_result", "delta", "done");
			assertThat(names.stream().filter("tool_result"::equals)).hasSize(1);
		}
	}

	@Test
	void aQuestionThatCannotBeAskedFailsItsCallNotTheRun() {
		Session me = api.register();
		String agent = api.post("/api/v1/agents", me.accessToken(),
				map("name", "Curious", "model", "local/echo", "tools", List.of("ask_human")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", me.accessToken(), map("agent_id", agent)).json().get("id").asString();
		Response turn = api.post("/api/v1/chats/" + chat + "/completions", me.accessToken(),
				map("content", "/tool ask_human {\"question\": \"Who?\", \"escalate_after\": \"1h\", "
						+ "\"escalate_to\": {\"user_id\": \"" + UUID.randomUUID() + "\"}}"));

		assertThat(turn.json().get("assistant_message").get("status").asString()).as(turn.body())
			.isEqualTo("completed");
		assertThat(turn.json().get("assistant_message").get("content").asString())
			.contains("the question was not asked: escalate_to.user_id is not a user");
		assertThat(FeedbackApiIntegrationTests
			.ids(api.get("/api/v1/feedback", me.accessToken()).json().get("items"))).isEmpty();
	}

	@Test
	void theApprovalsApiDoesNotAnswerAQuestion() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Go?\"}");
		JsonNode step = run(me, paused.runId()).get("steps").get(1);
		Response approved = api.post("/api/v1/runs/" + paused.runId() + "/approvals", me.accessToken(),
				map("step_id", step.get("id").asString(), "decision", "approve"));
		assertThat(approved.status()).isEqualTo(409);
	}

	@Test
	void atTheDeadlineDenyTellsTheModelNobodyAnswered() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Deny?\", \"timeout\": \"1h\", \"on_timeout\": \"deny\"}");
		expire(paused);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("stop_reason").asString()).isEqualTo("answered");
		JsonNode step = ended.get("steps").get(1);
		assertThat(step.get("status").asString()).isEqualTo("failed");
		assertThat(step.get("result_summary").asString()).contains("timed out");
		assertThat(content(me, paused)).contains("Echo: tool ask_human returned Error: nobody answered by");
		assertThat(request(me, paused).get("status").asString()).isEqualTo("timed_out");
		assertThat(FeedbackApiIntegrationTests.types(
				api.get("/api/v1/feedback/" + request(me, paused).get("id").asString() + "/events", me.accessToken())
					.json())).contains("timed_out").doesNotContain("answered");
	}

	@Test
	void atTheDeadlineApproveGoesOnAsATimeout() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Go?\", \"timeout\": \"1h\", \"on_timeout\": \"approve\"}");
		expire(paused);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("steps").get(1).get("status").asString()).isEqualTo("completed");
		assertThat(content(me, paused)).contains("\"timed_out\":true");
	}

	@Test
	void atTheDeadlineHaltEndsTheRun() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Halt?\", \"timeout\": \"1h\", \"on_timeout\": \"halt\"}");
		expire(paused);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("status").asString()).isEqualTo("completed");
		assertThat(ended.get("stop_reason").asString()).isEqualTo("feedback_timeout");
		assertThat(ended.get("steps").get(1).get("status").asString()).isEqualTo("denied");
		assertThat(ended.get("steps")).hasSize(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/messages/" + paused.replyId(), me.accessToken()).json().get("status")
				.asString().equals("completed"));
		assertThat(content(me, paused)).contains("Stopped: nobody answered in time.");
	}

	@Test
	void atTheDeadlineWaitKeepsTheRunWaiting() {
		Session me = api.register();
		Paused paused = askHuman(api, me, "{\"question\": \"Wait?\", \"timeout\": \"1h\", \"on_timeout\": \"wait\"}");
		expire(paused);

		assertThat(request(me, paused).get("status").asString()).isEqualTo("pending");
		assertThat(request(me, paused).get("expired_at").isNull()).isFalse();
		assertThat(run(me, paused.runId()).get("status").asString()).isEqualTo("awaiting_approval");
		api.post("/api/v1/feedback/" + request(me, paused).get("id").asString() + "/answer", me.accessToken(),
				map("answer", "finally"));
		assertThat(awaitEnd(api, me, paused.runId()).get("stop_reason").asString()).isEqualTo("answered");
		assertThat(content(me, paused)).contains("finally");
	}

	@Test
	void anAskPolicyPutsTheApprovalToTheOwnerAndTheirAnswerDecidesIt() {
		Session me = api.register();
		Paused paused = approvalTurn(me);
		JsonNode request = paused.request();
		assertThat(request.get("kind").asString()).isEqualTo("approval");
		assertThat(request.get("options")).hasSize(2);
		assertThat(request.get("question").asString()).contains("calculator");

		assertThat(api.post("/api/v1/feedback/" + request.get("id").asString() + "/answer", me.accessToken(),
				map("answer", "approve")).status()).isEqualTo(200);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("stop_reason").asString()).isEqualTo("answered");
		JsonNode approval = ended.get("approvals").get(0);
		assertThat(approval.get("decision").asString()).isEqualTo("approve");
		assertThat(approval.get("decided_by").asString()).isEqualTo(me.userId());
		assertThat(approval.get("timed_out").asBoolean()).isFalse();
		assertThat(content(me, paused)).contains("Echo: tool calculator returned").contains("4");
	}

	@Test
	void anApprovalNobodyAnsweredIsDeniedAsATimeoutNotByAPerson() {
		Session me = api.register();
		Paused paused = approvalTurn(me);
		expire(paused);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		JsonNode approval = ended.get("approvals").get(0);
		assertThat(approval.get("decision").asString()).isEqualTo("deny");
		assertThat(approval.get("timed_out").asBoolean()).isTrue();
		assertThat(approval.get("decided_by").isNull()).isTrue();
		assertThat(ended.get("steps").get(1).get("result_summary").asString()).contains("timed out")
			.doesNotContain("a person denied");
	}

	@Test
	void anApprovalTimedOutWithApproveRunsTheCall() {
		Session me = api.register();
		Paused paused = approvalTurn(me);
		jdbc.sql("update feedback_requests set on_timeout = 'APPROVE' where id = :id")
			.param("id", UUID.fromString(paused.request().get("id").asString()))
			.update();
		expire(paused);

		JsonNode ended = awaitEnd(api, me, paused.runId());
		assertThat(ended.get("approvals").get(0).get("timed_out").asBoolean()).isTrue();
		assertThat(ended.get("approvals").get(0).get("decision").asString()).isEqualTo("approve");
		assertThat(content(me, paused)).contains("Echo: tool calculator returned");
	}

	@Test
	void aDecisionThroughTheApprovalsApiCancelsTheRequest() {
		Session me = api.register();
		Paused paused = approvalTurn(me);
		String step = run(me, paused.runId()).get("steps").get(1).get("id").asString();
		assertThat(api.post("/api/v1/runs/" + paused.runId() + "/approvals", me.accessToken(),
				map("step_id", step, "decision", "deny")).status()).isEqualTo(200);

		awaitEnd(api, me, paused.runId());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> request(me, paused).get("status").asString().equals("cancelled"));
		Response late = api.post("/api/v1/feedback/" + paused.request().get("id").asString() + "/answer",
				me.accessToken(), map("answer", "approve"));
		assertThat(late.status()).isEqualTo(409);
	}

	private Paused approvalTurn(Session me) {
		String agent = api.post("/api/v1/agents", me.accessToken(), map("name", "Careful", "model", "local/echo",
				"tools", List.of("calculator"), "tool_policies", Map.of("calculator", "ask")))
			.json()
			.get("id")
			.asString();
		return paused(api, me, agent, "/tool calculator {\"expression\": \"2+2\"}");
	}

	/**
	 * Moves the request's deadline into the past and sweeps. Another sweeper (this context's
	 * scheduled one, or another cached context's on the same database) may claim the request first
	 * ({@code for update skip locked}): then this sweep skips it, and the test waits for that
	 * sweeper's transaction to commit.
	 */
	private void expire(Paused paused) {
		UUID id = UUID.fromString(paused.request().get("id").asString());
		jdbc.sql("update feedback_requests set deadline = now() - interval '1 second' where id = :id")
			.param("id", id)
			.update();
		deadlines.sweep();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select expired_at is not null from feedback_requests where id = :id")
				.param("id", id)
				.query(Boolean.class)
				.single());
	}

	private JsonNode run(Session me, String runId) {
		return api.get("/api/v1/runs/" + runId, me.accessToken()).json();
	}

	private JsonNode request(Session me, Paused paused) {
		return api.get("/api/v1/feedback/" + paused.request().get("id").asString(), me.accessToken()).json();
	}

	private String content(Session me, Paused paused) {
		return api.get("/api/v1/messages/" + paused.replyId(), me.accessToken()).json().get("content").asString();
	}

	/** A run paused on a question its agent asked, and the request it is waiting on. */
	record Paused(String runId, String replyId, JsonNode request) {
	}

	static Paused askHuman(ApiClient client, Session me, String arguments) {
		String agent = client.post("/api/v1/agents", me.accessToken(),
				map("name", "Curious", "model", "local/echo", "tools", List.of("ask_human")))
			.json()
			.get("id")
			.asString();
		return paused(client, me, agent, "/tool ask_human " + arguments);
	}

	static Paused paused(ApiClient client, Session me, String agent, String content) {
		String chat = client.post("/api/v1/chats", me.accessToken(), map("agent_id", agent)).json().get("id")
			.asString();
		Response turn = client.post("/api/v1/chats/" + chat + "/completions", me.accessToken(), map("content", content));
		assertThat(turn.json().get("assistant_message").get("status").asString()).as(turn.body())
			.isEqualTo("awaiting_approval");
		JsonNode runs = client.get("/api/v1/chats/" + chat + "/runs", me.accessToken()).json().get("items");
		String runId = runs.get(0).get("id").asString();
		JsonNode request = null;
		for (JsonNode item : client.get("/api/v1/feedback?status=pending", me.accessToken()).json().get("items")) {
			if (runId.equals(item.get("requester").get("run_id").asString(null))) {
				request = item;
			}
		}
		assertThat(request).as("the run's feedback request").isNotNull();
		return new Paused(runId, turn.json().get("assistant_message").get("id").asString(), request);
	}

	static JsonNode awaitEnd(ApiClient client, Session me, String runId) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> client.get("/api/v1/runs/" + runId, me.accessToken()).json(), run -> {
				String status = run.get("status").asString();
				return !status.equals("running") && !status.equals("awaiting_approval");
			});
	}
}
