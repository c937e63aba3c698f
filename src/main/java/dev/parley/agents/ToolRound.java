package dev.parley.agents;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.agents.runs.Approval;
import dev.parley.agents.runs.ArgumentsHash;
import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StepStatus;
import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import dev.parley.ai.ToolCall;
import org.springframework.stereotype.Component;

/**
 * One round of the tool calls a model made: each call is recorded in the ledger before anything
 * runs, then allowed, denied, or held for a person according to the agent's policy; the allowed
 * ones run in parallel (each as the run's user, its arguments checked against the tool's schema),
 * until the run's deadline at the latest. A call of a tool the run was not given is never run,
 * whatever the model (or a page it read) asked for: the model hears that the tool does not exist.
 */
@Component
class ToolRound {

	private final Runs runs;

	private final Clock clock;

	ToolRound(Runs runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	/** What a call came to, for the model: the result of the tool, or why it did not run. */
	record ToolAnswer(String callId, ToolResult result) {
	}

	/**
	 * What a round came to: the answers to the calls that ran or were refused, and the steps
	 * waiting for a person (the run pauses until every one is decided).
	 */
	record Outcome(List<ToolAnswer> answers, List<RunStep> awaiting) {

		boolean paused() {
			return !awaiting.isEmpty();
		}
	}

	Outcome run(RunScope scope, List<ToolCall> calls, RunEvents events) {
		List<Pending> runnable = new ArrayList<>();
		List<ToolAnswer> ended = new ArrayList<>();
		List<RunStep> awaiting = new ArrayList<>();
		for (ToolCall call : calls) {
			Tool tool = scope.tools().get(call.name());
			if (tool == null) {
				RunStep step = runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING);
				ended.add(end(step, ToolResult.failed("no tool named '" + call.name()
						+ "' is available here; use only the tools you were given"), events));
				continue;
			}
			switch (decide(scope, tool, call)) {
				case ALLOW -> runnable.add(new Pending(runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING), tool));
				case DENY -> ended.add(deny(runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING),
						"the agent's policy does not allow " + tool.name(), events));
				case ASK -> {
					RunStep step = runs.recordToolCall(scope.run().id(), call, StepStatus.AWAITING_APPROVAL);
					awaiting.add(step);
				}
			}
		}
		ended.addAll(execute(scope, runnable, events));
		for (RunStep step : awaiting) {
			events.approvalRequired(scope.run().id(), step.id(), step.tool(), step.arguments());
		}
		return new Outcome(ended, awaiting);
	}

	/**
	 * Goes on with steps that waited for a person: each approved one runs (once, whichever node
	 * gets there first), each denied one is refused with the person's reason.
	 * @return the steps that could go on now; any still undecided stay waiting
	 */
	List<ToolAnswer> resume(RunScope scope, List<RunStep> awaiting, RunEvents events) {
		List<Pending> runnable = new ArrayList<>();
		List<ToolAnswer> ended = new ArrayList<>();
		for (RunStep step : awaiting) {
			Optional<Approval> decision = runs.decisionFor(step.id());
			if (decision.isEmpty()) {
				continue;
			}
			Tool tool = scope.tools().get(step.tool());
			if (decision.get().approves() && tool != null
					&& decision.get().argumentsSha256().equals(ArgumentsHash.of(step.arguments()))) {
				if (runs.startApprovedStep(step.id())) {
					runnable.add(new Pending(step, tool));
				}
			}
			else {
				String reason = decision.get().approves() ? "the tool is no longer available"
						: "a person denied it" + (decision.get().reason() == null ? "" : ": " + decision.get().reason());
				ended.add(deny(step, reason, events));
			}
		}
		ended.addAll(execute(scope, runnable, events));
		return ended;
	}

	private ToolPolicy decide(RunScope scope, Tool tool, ToolCall call) {
		ToolPolicy policy = ToolPolicies.of(scope.agent(), tool);
		if (policy != ToolPolicy.ASK) {
			return policy;
		}
		// A person may have decided on this very call already, for the rest of the run or for good.
		return runs.standingDecision(scope.run(), tool.name(), ArgumentsHash.of(call.arguments()))
			.map(decision -> decision.approves() ? ToolPolicy.ALLOW : ToolPolicy.DENY)
			.orElse(ToolPolicy.ASK);
	}

	private List<ToolAnswer> execute(RunScope scope, List<Pending> calls, RunEvents events) {
		if (calls.isEmpty()) {
			return List.of();
		}
		List<ToolAnswer> ended = new ArrayList<>();
		// Not closed with try-with-resources: closing waits for every thread, and a tool that ignores
		// the interruption at the deadline must not hold the run past it.
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		try {
			List<Future<ToolResult>> results = new ArrayList<>();
			for (Pending call : calls) {
				results.add(threads.submit(() -> Toolbox.call(call.tool(), scope.userId(), call.step().toolCallId(),
						call.step().arguments(), scope.deadline())));
			}
			for (int i = 0; i < calls.size(); i++) {
				ended.add(end(calls.get(i).step(), await(results.get(i), scope, calls.get(i).tool()), events));
			}
		}
		finally {
			threads.shutdownNow();
		}
		return ended;
	}

	private ToolResult await(Future<ToolResult> result, RunScope scope, Tool tool) {
		Duration left = Duration.between(clock.instant(), scope.deadline());
		try {
			return result.get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			return ToolResult.failed(tool.name() + " did not finish within the run's time budget");
		}
		catch (ExecutionException ex) {
			return ToolResult.failed("the tool " + tool.name() + " failed unexpectedly");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			return ToolResult.failed("the run was stopped while " + tool.name() + " ran");
		}
	}

	private ToolAnswer end(RunStep step, ToolResult result, RunEvents events) {
		runs.endToolStep(step.id(), result);
		events.toolResult(callId(step), result.ok(), result.summary());
		return new ToolAnswer(callId(step), result);
	}

	private ToolAnswer deny(RunStep step, String reason, RunEvents events) {
		runs.denyToolStep(step.id(), reason);
		events.toolResult(callId(step), false, "denied: " + reason);
		return new ToolAnswer(callId(step), ToolResult.failed("the call was not run: " + reason));
	}

	private static String callId(RunStep step) {
		return step.toolCallId() == null ? "" : step.toolCallId();
	}

	private record Pending(RunStep step, Tool tool) {
	}
}
