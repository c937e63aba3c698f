package dev.parley.ai;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.ai.provider.OpenAiUpstream;
import dev.parley.ai.resilience.ResilientCalls;
import org.jspecify.annotations.Nullable;

/**
 * A request an OpenAI-compatible server accepted ({@link OpenAiPassThrough#open}): its answer to
 * read, and how the answer ended to report, exactly once: {@link #completed} with the usage read
 * from it, {@link #brokeOff} when the server's answer broke off, or {@link #cancelled} when nobody
 * reads it any more. The report gives the user's place back and counts the call on its circuit
 * breaker at once, and meters the generation ({@link GenerationCompleted}, a database write) on a
 * virtual thread of its own, so that the request's thread is free at once for the connection's
 * next request. {@link #close()} closes the answer, and counts an unreported one as cancelled.
 */
public final class UpstreamExchange implements AutoCloseable {

	private final String model;

	private final ResilientCalls.Exchange<OpenAiUpstream.Answer> exchange;

	private final GenerationObserver metered;

	private final Runnable release;

	private final AtomicBoolean spoke = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	UpstreamExchange(String model, ResilientCalls.Exchange<OpenAiUpstream.Answer> exchange, GenerationObserver metered,
			Runnable release) {
		this.model = model;
		this.exchange = exchange;
		this.metered = metered;
		this.release = release;
	}

	/** The Parley id of the model that answers ({@code openai/gpt-4o-mini}), to name it by in the answer. */
	public String model() {
		return model;
	}

	public int status() {
		return exchange.answer().status();
	}

	public @Nullable String contentType() {
		return exchange.answer().contentType();
	}

	/** The answer as the server sends it. */
	public InputStream body() {
		return exchange.answer().body();
	}

	/** How many calls were made, retries included. */
	public int attempts() {
		return exchange.attempts();
	}

	/** The model said its first word (or called its first tool): the time to first token is now. */
	public void spoke() {
		if (spoke.compareAndSet(false, true)) {
			metered.onDelta("");
		}
	}

	/** The whole answer arrived; {@code finishReason} as the server gave it, or {@code null}. */
	public void completed(TokenUsage usage, @Nullable String finishReason) {
		if (ended.compareAndSet(false, true)) {
			exchange.completed();
			release.run();
			GenerationResult result = new GenerationResult(model, "", finishReason == null ? "stop" : finishReason, usage);
			Thread.ofVirtual().name("pass-through-metering").start(() -> metered.onComplete(result));
		}
	}

	/** The server's answer broke off ({@code cause}: how); the failure to report to the client. */
	public GenerationFailed brokeOff(Throwable cause) {
		GenerationFailed failure = exchange.brokeOff(cause);
		if (ended.compareAndSet(false, true)) {
			release.run();
			Thread.ofVirtual().name("pass-through-metering").start(() -> metered.onFailure(failure));
		}
		return failure;
	}

	/** Nobody reads the answer any more: the client went away. */
	public void cancelled() {
		if (ended.compareAndSet(false, true)) {
			exchange.abandoned();
			release.run();
			// Also off the request's thread: the container may have interrupted it, and a database call would fail.
			Thread.ofVirtual()
				.name("pass-through-metering")
				.start(() -> metered.onFailure(
						new GenerationFailed(GenerationFailed.Reason.CANCELLED, "The generation was cancelled.")));
		}
	}

	@Override
	public void close() {
		try {
			exchange.answer().close();
		}
		finally {
			cancelled();
		}
	}
}
