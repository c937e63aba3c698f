package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.parley.agents.runs.ApprovalDecision;
import dev.parley.agents.runs.ApprovalScope;
import dev.parley.agents.runs.NewRun;
import dev.parley.agents.runs.Run;
import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StepStatus;
import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolHints;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A round of tool calls against the real ledger: policies, approvals, parallel calls, the deadline. */
@IntegrationTest
class ToolRoundIntegrationTests {

	@Autowired
	ToolRound round;

	@Autowired
	Runs runs;

	@Autowired
	ApiClient api;

	final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	final List<String> told = new ArrayList<>();

	final java.util.concurrent.atomic.AtomicBoolean hangFinished = new java.util.concurrent.atomic.AtomicBoolean();

	final RunEvents events = new RunEvents() {

		@Override
		public synchronized void toolResult(String callId, boolean ok, String summary) {
			told.add("result " + callId + " " + ok + " " + summary);
		}

		@Override
		public synchronized void approvalRequired(UUID runId, UUID stepId, String tool, String arguments) {
			told.add("approval " + tool + " " + arguments);
		}
	};

	UUID userId;

	Run run;

	@BeforeEach
	void startRun() {
		ApiClient.Session session = api.register();
		userId = UUID.fromString(session.userId());
		String chat = api.post("/api/v1/chats", session.accessToken(), map("title", "t")).json().get("id").asString();
		run = runs.start(new NewRun(userId, UUID.fromString(chat), null, null, null, null, "local/echo", 8, 8, null,
				Instant.now().plus(Duration.ofMinutes(1))));
	}

	@Test
	void runsAnAllowedToolAndRecordsItsStep() {
		ToolRound.Outcome outcome = round.run(scope(Map.of()), List.of(call("c1", "lookup", "{\"q\":\"x\"}")), events);

		assertThat(outcome.paused()).isFalse();
		assertThat(outcome.answers()).singleElement().satisfies(answer -> {
			assertThat(answer.callId()).isEqualTo("c1");
			assertThat(answer.result().content()).isEqualTo("lookup ran with {\"q\":\"x\"}");
		});
		assertThat(count("lookup")).isEqualTo(1);
		assertThat(told).containsExactly("result c1 true lookup ran with {\"q\":\"x\"}");
		RunStep step = steps().getFirst();
		assertThat(step.status()).isEqualTo(StepStatus.COMPLETED);
		assertThat(step.tool()).isEqualTo("lookup");
	}

	@Test
	void neverRunsAToolTheRunWasNotGiven() {
		ToolRound.Outcome outcome = round.run(scope(Map.of()), List.of(call("c1", "delete_everything", "{}")), events);

		assertThat(outcome.answers().getFirst().result().ok()).isFalse();
		assertThat(outcome.answers().getFirst().result().content()).contains("no tool named 'delete_everything'");
		assertThat(calls).doesNotContainKey("delete_everything");
		assertThat(steps().getFirst().status()).isEqualTo(StepStatus.FAILED);
	}

	@Test
	void refusesADeniedToolWithoutRunningIt() {
		ToolRound.Outcome outcome = round.run(scope(Map.of("lookup", ToolPolicy.DENY)),
				List.of(call("c1", "lookup", "{}")), events);

		assertThat(count("lookup")).isZero();
		assertThat(outcome.answers().getFirst().result().content()).contains("not run");
		assertThat(steps().getFirst().status()).isEqualTo(StepStatus.DENIED);
	}

	@Test
	void holdsAToolThatAsksUntilAPersonApprovesThenRunsItOnce() {
		RunScope scope = scope(Map.of());
		ToolRound.Outcome outcome = round.run(scope, List.of(call("c1", "wipe", "{\"path\":\"/tmp\"}")), events);

		assertThat(outcome.paused()).isTrue();
		assertThat(count("wipe")).isZero();
		assertThat(told).containsExactly("approval wipe {\"path\":\"/tmp\"}");
		RunStep held = outcome.awaiting().getFirst();
		assertThat(round.resume(scope, List.of(held), events)).isEmpty();

		runs.awaitApproval(run.id());
		runs.decide(run.id(), userId, held.id(), ApprovalDecision.APPROVE, ApprovalScope.ONCE, null);
		assertThat(round.resume(scope, List.of(held), events)).singleElement()
			.satisfies(answer -> assertThat(answer.result().ok()).isTrue());
		// A second node getting the same decision runs nothing again.
		assertThat(round.resume(scope, List.of(held), events)).isEmpty();
		assertThat(count("wipe")).isEqualTo(1);
		assertThat(steps().getFirst().status()).isEqualTo(StepStatus.COMPLETED);
	}

	@Test
	void aPersonsDenialGoesBackToTheModelWithTheReason() {
		RunScope scope = scope(Map.of());
		RunStep held = round.run(scope, List.of(call("c1", "wipe", "{}")), events).awaiting().getFirst();
		runs.awaitApproval(run.id());
		runs.decide(run.id(), userId, held.id(), ApprovalDecision.DENY, ApprovalScope.ONCE, "not today");

		List<ToolRound.ToolAnswer> answers = round.resume(scope, List.of(held), events);

		assertThat(answers.getFirst().result().content()).contains("a person denied it: not today");
		assertThat(count("wipe")).isZero();
		assertThat(steps().getFirst().status()).isEqualTo(StepStatus.DENIED);
	}

	@Test
	void anApprovalForTheRunCoversTheSameCallButNotOtherArguments() {
		RunScope scope = scope(Map.of());
		RunStep held = round.run(scope, List.of(call("c1", "wipe", "{\"path\":\"/tmp\"}")), events).awaiting()
			.getFirst();
		runs.awaitApproval(run.id());
		runs.decide(run.id(), userId, held.id(), ApprovalDecision.APPROVE, ApprovalScope.RUN, null);
		round.resume(scope, List.of(held), events);
		runs.resume(run.id());

		ToolRound.Outcome same = round.run(scope, List.of(call("c2", "wipe", "{ \"path\" : \"/tmp\" }")), events);
		ToolRound.Outcome changed = round.run(scope, List.of(call("c3", "wipe", "{\"path\":\"/\"}")), events);

		assertThat(same.paused()).isFalse();
		assertThat(changed.paused()).isTrue();
		assertThat(count("wipe")).isEqualTo(2);
	}

	@Test
	void runsParallelCallsAtTheSameTime() {
		ToolRound.Outcome outcome = round.run(scope(Map.of()),
				List.of(call("c1", "meet", "{}"), call("c2", "meet", "{}")), events);

		// Each call waits for the other to have started: they finish only if they ran together.
		assertThat(outcome.answers()).extracting(answer -> answer.result().content())
			.containsExactly("met", "met");
	}

	@Test
	void stopsWaitingForAToolAtTheDeadline() {
		RunScope scope = new RunScope(run, userId, agent(Map.of()), tools(), Instant.now().plusMillis(300));

		ToolRound.Outcome outcome = round.run(scope, List.of(call("c1", "hang", "{}")), events);

		assertThat(outcome.answers().getFirst().result().content()).contains("did not finish within the run's time budget");
		// The round came back while the tool, deaf to interruption, still ran.
		assertThat(hangFinished).isFalse();
		assertThat(steps().getFirst().status()).isEqualTo(StepStatus.FAILED);
	}

	private RunScope scope(Map<String, ToolPolicy> policies) {
		return new RunScope(run, userId, agent(policies), tools(), Instant.now().plus(Duration.ofMinutes(1)));
	}

	private static AgentSettings agent(Map<String, ToolPolicy> policies) {
		return new AgentSettings("A", null, null, null, List.of("lookup", "wipe", "meet", "hang"), policies, null, null,
				null, null, AgentStatus.ACTIVE);
	}

	private Map<String, Tool> tools() {
		CountDownLatch meeting = new CountDownLatch(2);
		return Map.of("lookup", tool("lookup", ToolHints.READ_ONLY, invocation -> "lookup ran with " + invocation.arguments()),
				"wipe", tool("wipe", new ToolHints(false, true, false), invocation -> "wiped"),
				"meet", tool("meet", ToolHints.READ_ONLY, invocation -> {
					meeting.countDown();
					try {
						return meeting.await(10, TimeUnit.SECONDS) ? "met" : "alone";
					}
					catch (InterruptedException ex) {
						return "interrupted";
					}
				}), "hang", tool("hang", ToolHints.READ_ONLY, invocation -> {
					// A tool that ignores being interrupted: the run must still not wait for it.
					long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
					while (System.nanoTime() < until) {
						Thread.onSpinWait();
					}
					hangFinished.set(true);
					return "woke";
				}));
	}

	private Tool tool(String name, ToolHints hints, Function<ToolInvocation, String> body) {
		return new Tool() {

			@Override
			public ToolDefinition definition() {
				return new ToolDefinition(name, name, "{\"type\":\"object\"}");
			}

			@Override
			public ToolHints hints() {
				return hints;
			}

			@Override
			public ToolResult execute(ToolInvocation invocation) {
				calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
				return ToolResult.ok(body.apply(invocation));
			}
		};
	}

	private int count(String tool) {
		AtomicInteger count = calls.get(tool);
		return count == null ? 0 : count.get();
	}

	private List<RunStep> steps() {
		return runs.get(run.id(), userId).steps();
	}

	private static ToolCall call(String id, String name, String arguments) {
		return new ToolCall(id, name, arguments);
	}
}
