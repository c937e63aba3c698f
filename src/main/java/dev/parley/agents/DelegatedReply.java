package dev.parley.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * The reply of a delegated run: nobody streams it, the calling run waits for its answer, which
 * becomes the result of the calling tool step.
 */
final class DelegatedReply implements ReplySink {

	private final CompletableFuture<String> answer = new CompletableFuture<>();

	private volatile @Nullable Generation generation;

	private volatile boolean cancelled;

	ToolResult await(Instant deadline) {
		try {
			long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
			return ToolResult.ok(answer.get(millis, TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			cancel();
			return ToolResult.failed("the delegated agent did not answer within the run's time budget");
		}
		catch (ExecutionException ex) {
			return ToolResult.failed("the delegated agent failed: " + ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel();
			return ToolResult.failed("the run was stopped while the delegated agent worked");
		}
	}

	private void cancel() {
		cancelled = true;
		Generation running = generation;
		if (running != null) {
			running.cancel();
		}
	}

	@Override
	public void onDelta(String text) {
	}

	@Override
	public void onToolCall(ToolCall call) {
	}

	@Override
	public void toolResult(String callId, boolean ok, String summary) {
	}

	@Override
	public void approvalRequired(UUID runId, UUID stepId, String tool, String arguments) {
	}

	@Override
	public void attach(Generation generation) {
		this.generation = generation;
	}

	@Override
	public void onComplete(GenerationResult result) {
		answer.complete(result.content());
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		answer.completeExceptionally(failure);
	}

	@Override
	public void paused() {
		answer.completeExceptionally(new IllegalStateException("a delegated run cannot wait for a person"));
	}

	@Override
	public boolean cancelled() {
		return cancelled;
	}
}
