package dev.parley.agents;

import java.util.UUID;

import dev.parley.agents.runs.Run;
import dev.parley.agents.runs.RunStatus;
import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StepStatus;
import dev.parley.agents.runs.StopReason;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;
import dev.parley.conversations.Message;
import dev.parley.conversations.Replies;
import dev.parley.realtime.LiveReplies;
import dev.parley.realtime.LiveReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends a paused run because nobody answered what it waited for in time and its request said to
 * halt: its waiting steps are refused as timed out, its reply completes with a notice, and the run
 * stops with {@link StopReason#FEEDBACK_TIMEOUT}. Only one node gets it.
 */
@Component
class RunHalts {

	private static final Logger log = LoggerFactory.getLogger(RunHalts.class);

	static final String NOTICE = "\n\n[Stopped: nobody answered in time.]";

	private final Runs runs;

	private final Replies replies;

	private final LiveReplies live;

	private final AgentLimits limits;

	RunHalts(Runs runs, Replies replies, LiveReplies live, AgentLimits limits) {
		this.runs = runs;
		this.replies = replies;
		this.live = live;
		this.limits = limits;
	}

	void halt(UUID runId, UUID userId) {
		Run paused = runs.get(runId, userId);
		if (paused.status() != RunStatus.AWAITING_APPROVAL || !runs.resumeIfAwaiting(runId, limits.timeBudget())) {
			return;
		}
		for (RunStep step : paused.steps()) {
			if (step.status() == StepStatus.AWAITING_APPROVAL) {
				runs.denyToolStep(step.id(), "nobody answered in time (timed out), and the run halted");
			}
		}
		runs.finish(runId, RunStatus.COMPLETED, StopReason.FEEDBACK_TIMEOUT, null, null);
		if (paused.replyMessageId() == null) {
			return;
		}
		try {
			Message resumed = replies.resume(paused.replyMessageId(), userId);
			LiveReply reply = live.reopen(resumed, userId);
			reply.onDelta(NOTICE);
			reply.onComplete(new GenerationResult(paused.model(), resumed.content() + NOTICE, "stop",
					new TokenUsage(paused.promptTokens(), paused.completionTokens()),
					RunTranscript.calls(paused.steps())));
		}
		catch (RuntimeException ex) {
			log.warn("The reply of run {} could not be completed after it halted", runId, ex);
			replies.fail(paused.replyMessageId(), "", "The run stopped: nobody answered in time.");
		}
	}
}
