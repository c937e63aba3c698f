package dev.parley.agents;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.agents.runs.LiveRuns;
import dev.parley.agents.runs.RunStatus;
import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StopReason;
import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolArguments;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.GenerationSlot;
import dev.parley.ai.Generations;
import dev.parley.ai.PreparedModel;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import dev.parley.conversations.Replies;
import dev.parley.platform.Traces;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool-calling loop of a run: the model is called with the run's tools; when it calls some,
 * they run as one {@link ToolRound} and their results go back to the model, until it answers or a
 * limit stops the run — its steps, the tool calls of one step, its time, its tokens — each with
 * its stop reason and a notice in the reply, never an error response. A round with a call that
 * needs a person pauses the run durably. An agent with an output schema answers in JSON that is
 * checked against it; an answer that fails is sent back once with the errors, and a second failure
 * ends the run with {@link StopReason#INVALID_OUTPUT}.
 */
@Component
class AgentLoop {

	private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);

	private final Generations generations;

	private final ToolRound round;

	private final Runs runs;

	private final LiveRuns live;

	private final Clock clock;

	private final JsonMapper json;

	private final Replies replies;

	private final Traces traces;

	AgentLoop(Generations generations, ToolRound round, Runs runs, LiveRuns live, Clock clock, JsonMapper json,
			Replies replies, Traces traces) {
		this.replies = replies;
		this.traces = traces;
		this.generations = generations;
		this.round = round;
		this.runs = runs;
		this.live = live;
		this.clock = clock;
		this.json = json;
	}

	/** Calls the model for the next step, or ends the run when a limit is reached. */
	void step(RunProgress run) {
		live.add(run.scope.run().id());
		StopReason limit = limitReached(run);
		if (limit != null) {
			stop(run, limit);
			return;
		}
		RunStep step = runs.beginModelStep(run.scope.run().id());
		run.modelSteps++;
		List<ToolDefinition> tools = run.scope.tools()
			.entrySet()
			.stream()
			.map(tool -> new ToolDefinition(tool.getKey(), tool.getValue().definition().description(),
					tool.getValue().definition().parametersSchema()))
			.toList();
		var schema = run.scope.agent().outputSchema();
		// The provider's native structured output where it has one; the schema is in the prompt too.
		GenerationRequest request = new GenerationRequest(run.scope.userId(), run.model.model().id().toString(),
				run.transcript, run.temperature, run.maxTokens, run.scope.run().chatId(), tools,
				schema == null ? null : json.writeValueAsString(schema));
		try {
			run.reply.attach(generations.start(request, new StepObserver(run, step), run.slot.forOneStep(),
					run.model));
		}
		catch (RuntimeException ex) {
			runs.endModelStep(run.scope.run().id(), step.id(), false, "", 0, 0, BigDecimal.ZERO);
			fail(run, new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR,
					ex instanceof dev.parley.ai.QuotaExceeded ? ex.getMessage() : "The model could not be called."));
		}
	}

	private @Nullable StopReason limitReached(RunProgress run) {
		if (run.reply.cancelled()) {
			return StopReason.CANCELLED;
		}
		if (run.modelSteps >= run.scope.run().maxSteps()) {
			return StopReason.MAX_STEPS;
		}
		if (!clock.instant().isBefore(run.scope.deadline())) {
			return StopReason.TIME_BUDGET;
		}
		Integer budget = run.scope.run().tokenBudget();
		if (budget != null && run.usage.totalTokens() >= budget) {
			return StopReason.TOKEN_BUDGET;
		}
		return null;
	}

	/** What one model call streams: text and tool calls go to the reply; its end decides what follows. */
	private final class StepObserver implements GenerationObserver {

		private final RunProgress run;

		private final RunStep step;

		private final StringBuilder said = new StringBuilder();

		/** What the step was asked for in (the turn's request), for what the run does after it. */
		private final @Nullable Observation trace;

		StepObserver(RunProgress run, RunStep step) {
			this.run = run;
			this.step = step;
			this.trace = traces.current();
		}

		@Override
		public void onDelta(String text) {
			said.append(text);
			run.text.append(text);
			run.reply.onDelta(text);
		}

		@Override
		public void onToolCall(ToolCall call) {
			// The reply shows the tool by its own name, not by the name the model knows it by.
			Tool tool = run.scope.tools().get(call.name());
			run.reply.onToolCall(tool == null ? call : new ToolCall(call.id(), tool.name(), call.arguments()));
		}

		@Override
		public void onComplete(GenerationResult result) {
			run.usage = new TokenUsage(run.usage.promptTokens() + result.usage().promptTokens(),
					run.usage.completionTokens() + result.usage().completionTokens());
			BigDecimal cost = run.model.model().pricing() == null ? BigDecimal.ZERO
					: run.model.model().pricing().cost(result.usage());
			runs.endModelStep(run.scope.run().id(), step.id(), true, said.toString(), result.usage().promptTokens(),
					result.usage().completionTokens(), cost);
			// Tools block: they run on a thread of their own, not on the provider client's.
			Thread.ofVirtual()
				.name("run-" + run.scope.run().id())
				.start(traces.within(trace, () -> afterModel(run, result)));
		}

		@Override
		public void onFailure(GenerationFailed failure) {
			runs.endModelStep(run.scope.run().id(), step.id(), false, said.toString(), 0, 0, BigDecimal.ZERO);
			fail(run, failure);
		}
	}

	private void afterModel(RunProgress run, GenerationResult result) {
		try {
			if (result.toolCalls().isEmpty()) {
				answered(run, result);
				return;
			}
			if (result.toolCalls().size() > run.scope.run().maxToolCalls()) {
				stop(run, StopReason.TOOL_CALL_CAP);
				return;
			}
			run.toolCalls.addAll(result.toolCalls());
			run.transcript.add(PromptMessage.assistant(result.content(), result.toolCalls()));
			ToolRound.Outcome outcome = round.run(run.scope, result.toolCalls(), run.reply);
			addAnswers(run, outcome.answers());
			if (outcome.paused()) {
				pause(run);
				return;
			}
			step(run);
		}
		catch (RuntimeException ex) {
			log.error("Run {} failed", run.scope.run().id(), ex);
			fail(run, new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The run failed unexpectedly."));
		}
	}

	/** Adds the answers of a round to the transcript, in the order the model called. */
	void addAnswers(RunProgress run, List<ToolRound.ToolAnswer> answers) {
		for (ToolRound.ToolAnswer answer : answers) {
			run.transcript.add(PromptMessage.tool(answer.callId(), answer.result().content()));
		}
	}

	private void answered(RunProgress run, GenerationResult result) {
		var schema = run.scope.agent().outputSchema();
		String structured = null;
		if (schema != null) {
			String schemaText = json.writeValueAsString(schema);
			ToolArguments.Checked checked = ToolArguments.check(new ToolDefinition("answer", "", schemaText),
					result.content());
			if (checked instanceof ToolArguments.Invalid invalid) {
				if (!run.retriedOutput) {
					run.retriedOutput = true;
					run.transcript.add(PromptMessage.assistant(result.content()));
					run.transcript.add(PromptMessage.user("Your answer does not match the required JSON Schema: "
							+ String.join("; ", invalid.errors())
							+ ". Answer again with only a JSON value that matches the schema."));
					run.reply.onDelta("\n\n");
					run.text.append("\n\n");
					step(run);
					return;
				}
				end(run, RunStatus.FAILED, StopReason.INVALID_OUTPUT,
						"The answer did not match the agent's output schema: " + String.join("; ", invalid.errors()),
						null);
				run.reply.onFailure(new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR,
						"The answer did not match the agent's output schema twice."));
				return;
			}
			structured = json.writeValueAsString(((ToolArguments.Valid) checked).arguments());
		}
		UUID replyId = run.scope.run().replyMessageId();
		if (structured != null && replyId != null) {
			// Before the reply completes, so that it completes with it (and its done event shows it).
			replies.recordStructured(replyId, structured);
		}
		end(run, RunStatus.COMPLETED, StopReason.ANSWERED, null, structured);
		run.reply.onComplete(new GenerationResult(result.model(), run.text.toString(), result.finishReason(), run.usage,
				run.toolCalls));
	}

	/** A limit ended the run: the reply says so, and is complete with what it has. */
	private void stop(RunProgress run, StopReason reason) {
		if (reason == StopReason.CANCELLED) {
			end(run, RunStatus.CANCELLED, reason, null, null);
			run.reply.onFailure(new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The run was cancelled."));
			return;
		}
		String notice = "\n\n[" + notice(run, reason) + "]";
		run.text.append(notice);
		run.reply.onDelta(notice);
		end(run, RunStatus.COMPLETED, reason, null, null);
		run.reply.onComplete(new GenerationResult(run.model.model().id().toString(), run.text.toString(), "stop",
				run.usage, run.toolCalls));
	}

	private static String notice(RunProgress run, StopReason reason) {
		return switch (reason) {
			case MAX_STEPS -> "Stopped: the run reached its limit of " + run.scope.run().maxSteps() + " model calls.";
			case TOOL_CALL_CAP -> "Stopped: the model asked for more than " + run.scope.run().maxToolCalls()
					+ " tool calls at once.";
			case TIME_BUDGET -> "Stopped: the run used up its time budget.";
			case TOKEN_BUDGET -> "Stopped: the run used up its budget of " + run.scope.run().tokenBudget() + " tokens.";
			default -> "Stopped.";
		};
	}

	private void pause(RunProgress run) {
		runs.awaitApproval(run.scope.run().id());
		live.remove(run.scope.run().id());
		run.slot.release();
		run.reply.paused();
	}

	private void fail(RunProgress run, GenerationFailed failure) {
		boolean cancelled = failure.reason() == GenerationFailed.Reason.CANCELLED;
		end(run, cancelled ? RunStatus.CANCELLED : RunStatus.FAILED,
				cancelled ? StopReason.CANCELLED : StopReason.ERROR, cancelled ? null : failure.getMessage(), null);
		run.reply.onFailure(failure);
	}

	private void end(RunProgress run, RunStatus status, StopReason reason, @Nullable String error,
			@Nullable String structured) {
		runs.finish(run.scope.run().id(), status, reason, error, structured);
		live.remove(run.scope.run().id());
		run.slot.release();
	}
}
