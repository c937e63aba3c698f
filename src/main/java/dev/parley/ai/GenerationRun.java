package dev.parley.ai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import org.jspecify.annotations.Nullable;

/**
 * One generation's accumulated state, as {@link Generations} runs it: the text and tool calls told to
 * its observer as they arrive, the usage and finish reason; guarantees a single ending.
 */
final class GenerationRun {

	private final AtomicReference<String> model;

	private final GenerationObserver observer;

	private final StringBuilder content = new StringBuilder();

	private final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();

	private final AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);

	private final AtomicReference<String> finishReason = new AtomicReference<>("stop");

	private final AtomicBoolean ended = new AtomicBoolean();

	GenerationRun(String model, GenerationObserver observer) {
		this.model = new AtomicReference<>(model);
		this.observer = observer;
	}

	void answer(ModelRouter.Answer answer) {
		model.set(answer.model());
		chunk(answer.chunk());
	}

	void chunk(ProviderChunk chunk) {
		if (chunk.text() != null && !chunk.text().isEmpty() && !ended.get()) {
			content.append(chunk.text());
			observer.onDelta(chunk.text());
		}
		for (ToolCall call : chunk.toolCalls()) {
			if (!ended.get()) {
				toolCalls.add(call);
				observer.onToolCall(call);
			}
		}
		if (chunk.finishReason() != null) {
			finishReason.set(chunk.finishReason());
		}
		if (chunk.usage() != null) {
			usage.set(chunk.usage());
		}
	}

	void error(Throwable error) {
		end(null, classify(error));
	}

	void complete() {
		// Some providers (Gemini, Ollama) say "stop" after calling tools: the caller must run them.
		String reason = !toolCalls.isEmpty() && "stop".equals(finishReason.get()) ? "tool_calls" : finishReason.get();
		end(new GenerationResult(model.get(), content.toString(), reason, usage.get(), toolCalls), null);
	}

	void end(@Nullable GenerationResult result, @Nullable GenerationFailed failure) {
		if (!ended.compareAndSet(false, true)) {
			return;
		}
		if (failure != null) {
			observer.onFailure(failure);
		}
		else {
			observer.onComplete(result);
		}
	}

	private static GenerationFailed classify(Throwable error) {
		if (error instanceof GenerationFailed failed) {
			return failed;
		}
		if (error instanceof ProviderError providerError && !providerError.retryable()) {
			return new GenerationFailed(GenerationFailed.Reason.PROVIDER_REJECTED,
					"The provider refused the request (HTTP " + providerError.status() + ").");
		}
		return new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The provider failed to answer.");
	}
}
