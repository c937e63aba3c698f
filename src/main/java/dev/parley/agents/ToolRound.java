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
import dev.parley.agents.tools.PausingTool;
import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolArguments;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import dev.parley.ai.ToolCall;
import dev.parley.platform.Traces;
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

	private final RunFeedback feedback;

	private final Clock clock;

	private final Traces traces;

	ToolRound(Runs runs, RunFeedback feedback, Clock clock, Traces traces) {
		this.runs = runs;
		this.feedback = feedback;
		this.clock = clock;
		this.traces = traces;
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
		List<RunStep> approvals = new ArrayList<>();
		for (ToolCall call : calls) {
			Tool tool = scope.tools().get(call.name());
			if (tool == null) {
				RunStep step = runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING);
				ended.add(end(step, ToolResult.failed("no tool named '" + call.name()
						+ "' is available here; use only the tools you were given"), events));
				continue;
			}
			// The ledger knows the tool by its own name, whatever name the model knows it by.
			ToolCall named = new ToolCall(call.id(), tool.name(), call.arguments());
			ToolPolicy policy = decide(scope, tool, call);
			if (tool instanceof PausingTool pausing && policy != ToolPolicy.DENY) {
				// Asking a person is what an ask policy would do anyway: the question is the approval.
				ask(scope, pausing, named, events, ended, awaiting);
				continue;
			}
			switch (policy) {
				case ALLOW -> runnable.add(new Pending(runs.recordToolCall(scope.run().id(), named, StepStatus.RUNNING), tool));
				case DENY -> ended.add(deny(runs.recordToolCall(scope.run().id(), named, StepStatus.RUNNING),
						"the agent's policy does not allow " + tool.name(), events));
				case ASK -> {
					if (!scope.mayAsk()) {
						ended.add(deny(runs.recordToolCall(scope.run().id(), named, StepStatus.RUNNING),
								tool.name() + " needs a person's approval, which a delegated run cannot ask for", events));
						continue;
					}
					RunStep step = runs.recordToolCall(scope.run().id(), named, StepStatus.AWAITING_APPROVAL);
					approvals.add(step);
				}
			}
		}
		ended.addAll(execute(scope, runnable, events));
		for (RunStep step : approvals) {
			events.approvalRequired(scope.run().id(), step.id(), step.tool(), step.arguments());
			feedback.askApproval(scope, step);
		}
		awaiting.addAll(approvals);
		return new Outcome(ended, awaiting);
	}

	/**
	 * Puts a pausing tool's question to a person: its step waits for the answer. A call that cannot
	 * wait (a delegated run's) or whose question could not be put ends at once, with why.
	 */
	private void ask(RunScope scope, PausingTool tool, ToolCall call, RunEvents events, List<ToolAnswer> ended,
			List<RunStep> awaiting) {
		if (!scope.mayAsk()) {
			ended.add(deny(runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING),
					tool.name() + " waits for a person, which a delegated run cannot do", events));
			return;
		}
		switch (ToolArguments.check(tool.definition(), call.arguments())) {
			case ToolArguments.Invalid invalid ->
				ended.add(end(runs.recordToolCall(scope.run().id(), call, StepStatus.RUNNING), invalid.result(), events));
			case ToolArguments.Valid valid -> {
				RunStep step = runs.recordToolCall(scope.run().id(), call, StepStatus.AWAITING_APPROVAL);
				ToolResult refused = tool.ask(new ToolInvocation(scope.userId(), callId(step), valid.arguments(),
						scope.deadline(), scope.run().id(), step.id()));
				if (refused == null) {
					awaiting.add(step);
				}
				else {
					ended.add(end(step, refused, events));
				}
			}
		}
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
			Tool tool = scope.tools().get(ToolNames.wireName(step.tool()));
			if (decision.get().approves() && tool != null
					&& decision.get().argumentsSha256().equals(ArgumentsHash.of(step.arguments()))) {
				if (runs.startApprovedStep(step.id())) {
					runnable.add(new Pending(step, tool));
				}
			}
			else {
				String reason = decision.get().approves() ? "the tool is no longer available"
						: decision.get().timedOut() ? "nobody decided on it in time (the approval timed out)"
								: "a person denied it"
										+ (decision.get().reason() == null ? "" : ": " + decision.get().reason());
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
				ToolStepSpan span = ToolStepSpan.of(traces.registry(), call.tool().name(), callId(call.step()));
				results.add(threads.submit(() -> span.run(() -> Toolbox.call(call.tool(), scope.userId(),
						call.step().toolCallId(), call.step().arguments(), scope.deadline(), scope.run().id(),
						call.step().id()))));
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
