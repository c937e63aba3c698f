package dev.parley.agents;

import java.util.UUID;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ToolCall;
import dev.parley.realtime.LiveReply;

/** A run's reply in the reply's event log ({@code realtime}): what the run does, as events. */
final class ReplyOfRun implements ReplySink {

	private final LiveReply reply;

	ReplyOfRun(LiveReply reply) {
		this.reply = reply;
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
	public void toolResult(String callId, boolean ok, String summary) {
		reply.toolResult(callId, ok, summary);
	}

	@Override
	public void approvalRequired(UUID runId, UUID stepId, String tool, String arguments) {
		reply.approvalRequired(runId, stepId, tool, arguments);
	}

	@Override
	public void attach(Generation generation) {
		reply.attach(generation);
	}

	@Override
	public void onComplete(GenerationResult result) {
		reply.onComplete(result);
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		reply.onFailure(failure);
	}

	@Override
	public void paused() {
		reply.pause();
	}

	@Override
	public boolean cancelled() {
		return reply.cancelRequested();
	}
}
