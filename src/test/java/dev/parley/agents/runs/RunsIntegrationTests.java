package dev.parley.agents.runs;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolCall;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The ledger of runs over HTTP: steps as they were recorded, approvals bound to the exact
 * arguments and audited, another user's run invisible, abandoned runs ended with their running
 * tool steps interrupted.
 */
@IntegrationTest
class RunsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Runs runs;

	@Autowired
	JdbcClient jdbc;

	Session session;

	UUID chatId;

	@BeforeEach
	void register() {
		session = api.register();
		chatId = UUID.fromString(api.post("/api/v1/chats", session.accessToken(), map("title", "Runs")).json().get("id")
			.asString());
	}

	@Test
	void showsARunWithItsStepsInOrder() {
		Run run = start();
		RunStep model = runs.beginModelStep(run.id());
		runs.endModelStep(run.id(), model.id(), true, "Let me look.", 12, 5, new BigDecimal("0.000150"));
		RunStep tool = runs.recordToolCall(run.id(), new ToolCall("call_1", "lookup", "{\"q\": \"x\"}"),
				StepStatus.RUNNING);
		runs.endToolStep(tool.id(), ToolResult.ok("found 3 things"));
		runs.finish(run.id(), RunStatus.COMPLETED, StopReason.ANSWERED, null, "{\"answer\":\"42\"}");

		Response read = api.get("/api/v1/runs/" + run.id(), session.accessToken());

		assertThat(read.status()).isEqualTo(200);
		JsonNode body = read.json();
		assertThat(body.get("status").asString()).isEqualTo("completed");
		assertThat(body.get("stop_reason").asString()).isEqualTo("answered");
		assertThat(body.get("usage").get("total_tokens").asInt()).isEqualTo(17);
		assertThat(body.get("usage").get("cost_usd").decimalValue()).isEqualByComparingTo("0.00015");
		assertThat(body.get("structured").get("answer").asString()).isEqualTo("42");
		JsonNode steps = body.get("steps");
		assertThat(steps).hasSize(2);
		assertThat(steps.get(0).get("kind").asString()).isEqualTo("model");
		assertThat(steps.get(0).get("completion_tokens").asInt()).isEqualTo(5);
		assertThat(steps.get(1).get("kind").asString()).isEqualTo("tool");
		assertThat(steps.get(1).get("tool").asString()).isEqualTo("lookup");
		assertThat(steps.get(1).get("arguments").asString()).isEqualTo("{\"q\": \"x\"}");
		assertThat(steps.get(1).get("result_summary").asString()).isEqualTo("found 3 things");
		assertThat(steps.get(1).get("status").asString()).isEqualTo("completed");
		assertThat(steps.get(1).get("ended_at").isNull()).isFalse();

		Response list = api.get("/api/v1/chats/" + chatId + "/runs", session.accessToken());
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(run.id().toString());
	}

	@Test
	void anotherUsersRunIsNotFound() {
		Run run = start();
		Session other = api.register();

		assertThat(api.get("/api/v1/runs/" + run.id(), other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/chats/" + chatId + "/runs", other.accessToken()).status()).isEqualTo(404);
		RunStep step = pausedOn(run, "{\"path\": \"/tmp\"}");
		assertThat(api.post("/api/v1/runs/" + run.id() + "/approvals", other.accessToken(),
				map("step_id", step.id(), "decision", "approve")).status()).isEqualTo(404);
		assertThat(runs.decisionFor(step.id())).isEmpty();
	}

	@Test
	void recordsADecisionOnceWithWhoWhenAndScope() {
		Run run = start();
		RunStep step = pausedOn(run, "{\"path\": \"/tmp\"}");

		Response approved = api.post("/api/v1/runs/" + run.id() + "/approvals", session.accessToken(),
				map("step_id", step.id(), "decision", "approve", "scope", "run", "reason", "looks fine"));

		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("decision").asString()).isEqualTo("approve");
		assertThat(approved.json().get("scope").asString()).isEqualTo("run");
		assertThat(approved.json().get("decided_by").asString()).isEqualTo(session.userId());
		Response again = api.post("/api/v1/runs/" + run.id() + "/approvals", session.accessToken(),
				map("step_id", step.id(), "decision", "deny"));
		assertThat(again.status()).isEqualTo(409);

		JsonNode audit = api.get("/api/v1/runs/" + run.id(), session.accessToken()).json().get("approvals");
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("reason").asString()).isEqualTo("looks fine");
	}

	@Test
	void aStandingDecisionCoversOnlyTheSameArguments() {
		Run run = start();
		RunStep step = pausedOn(run, "{\"path\": \"/tmp\", \"recursive\": true}");
		runs.decide(run.id(), UUID.fromString(session.userId()), step.id(), ApprovalDecision.APPROVE,
				ApprovalScope.RUN, null);

		Run current = runs.get(run.id(), UUID.fromString(session.userId()));
		// The same call, written differently: the decision stands.
		assertThat(runs.standingDecision(current, "delete_files",
				ArgumentsHash.of("{\"recursive\":true,\"path\":\"/tmp\"}"))).isPresent();
		// Different arguments: it does not.
		assertThat(runs.standingDecision(current, "delete_files", ArgumentsHash.of("{\"path\": \"/\"}"))).isEmpty();
		assertThat(runs.standingDecision(current, "other_tool",
				ArgumentsHash.of("{\"path\": \"/tmp\", \"recursive\": true}"))).isEmpty();
	}

	@Test
	void refusesAMalformedDecisionNamingEveryField() {
		Run run = start();

		Response refused = api.post("/api/v1/runs/" + run.id() + "/approvals", session.accessToken(),
				map("decision", "maybe", "scope", "forever"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList())
			.containsExactly("step_id", "decision", "scope");
		Response unknownStep = api.post("/api/v1/runs/" + run.id() + "/approvals", session.accessToken(),
				map("step_id", UUID.randomUUID(), "decision", "approve"));
		assertThat(unknownStep.status()).isEqualTo(400);
	}

	@Test
	void endsAbandonedRunsAndInterruptsTheirRunningToolSteps() {
		Run abandoned = start();
		RunStep running = runs.recordToolCall(abandoned.id(), new ToolCall("call_9", "lookup", "{}"),
				StepStatus.RUNNING);
		Run paused = start();
		pausedOn(paused, "{}");
		jdbc.sql("update runs set updated_at = :old where id in (:ids)")
			.param("old", java.time.OffsetDateTime.now().minusMinutes(5))
			.param("ids", List.of(abandoned.id(), paused.id()))
			.update();

		runs.sweepAbandoned(Duration.ofSeconds(60));

		Run ended = runs.get(abandoned.id(), UUID.fromString(session.userId()));
		assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
		assertThat(ended.stopReason()).isEqualTo(StopReason.ERROR);
		assertThat(ended.steps()).singleElement().satisfies(step -> {
			assertThat(step.id()).isEqualTo(running.id());
			assertThat(step.status()).isEqualTo(StepStatus.INTERRUPTED);
		});
		assertThat(runs.get(paused.id(), UUID.fromString(session.userId())).status())
			.isEqualTo(RunStatus.AWAITING_APPROVAL);
	}

	private Run start() {
		return runs.start(new NewRun(UUID.fromString(session.userId()), chatId, null, null, null, null, "local/echo", 8,
				8, null, Instant.now().plus(Duration.ofMinutes(5))));
	}

	private RunStep pausedOn(Run run, String arguments) {
		RunStep step = runs.recordToolCall(run.id(), new ToolCall("call_" + UUID.randomUUID(), "delete_files",
				arguments), StepStatus.AWAITING_APPROVAL);
		runs.awaitApproval(run.id());
		return step;
	}
}
