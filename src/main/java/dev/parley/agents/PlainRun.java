package dev.parley.agents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.parley.agents.runs.LiveRuns;
import dev.parley.agents.runs.RunStatus;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StopReason;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.ToolCall;
import dev.parley.realtime.LiveReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain turn as a run: one model call, no tools. The reply hears the generation as it happens;
 * when it ends, the run is ended with its one step in a single write (just before the reply ends,
 * so that a client answered with the reply finds the run ended), so that every turn has its ledger
 * without making a plain turn slower by more than that write.
 */
final class PlainRun implements GenerationObserver {

	private static final Logger log = LoggerFactory.getLogger(PlainRun.class);

	private final UUID runId;

	private final LiveReply reply;

	private final Runs runs;

	private final LiveRuns live;

	private final ModelInfo model;

	private final Instant startedAt;

	PlainRun(UUID runId, LiveReply reply, Runs runs, LiveRuns live, ModelInfo model, Instant startedAt) {
		this.runId = runId;
		this.reply = reply;
		this.runs = runs;
		this.live = live;
		this.model = model;
		this.startedAt = startedAt;
	}

	@Override
	public void onDelta(String text) {
		reply.onDelta(text);
	}

	@Override
	public void onToolCall(ToolCall call) {
		reply.onToolCall(call);
	}

	@Override
	public void onComplete(GenerationResult result) {
		// The run ends before the reply does: whoever is answered with the reply finds its run ended.
		BigDecimal cost = model.pricing() == null || result.fromCache() ? BigDecimal.ZERO
				: model.pricing().cost(result.usage());
		end(RunStatus.COMPLETED, StopReason.ANSWERED, result.content(), result.usage().promptTokens(),
				result.usage().completionTokens(), cost, null);
		reply.onComplete(result);
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		boolean cancelled = failure.reason() == GenerationFailed.Reason.CANCELLED;
		end(cancelled ? RunStatus.CANCELLED : RunStatus.FAILED, cancelled ? StopReason.CANCELLED : StopReason.ERROR, "",
				0, 0, BigDecimal.ZERO, cancelled ? null : failure.getMessage());
		reply.onFailure(failure);
	}

	private void end(RunStatus status, StopReason reason, String content, int prompt, int completion, BigDecimal cost,
			String error) {
		live.remove(runId);
		try {
			runs.finishWithModelStep(runId, status, reason, content, prompt, completion, cost, error, startedAt);
		}
		catch (RuntimeException ex) {
			// The reply is stored already; a ledger that cannot be written must not undo that.
			log.warn("Could not end run {} in the ledger", runId, ex);
		}
	}
}
