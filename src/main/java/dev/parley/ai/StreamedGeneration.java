package dev.parley.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

import dev.parley.platform.streams.EventBatch;
import dev.parley.platform.streams.EventBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A generation written to its client as a stream in some API's own events (OpenAI's chat completion
 * chunks, the Responses API's events, Anthropic's message events). The generation appends what it
 * produces to a buffer ({@link EventBuffer}, never waiting for the client), and the request's own
 * (virtual) thread writes it, flushing after all that were there, so a slow client never holds up
 * the thread the provider answers on. A client that goes away cancels the generation. Subclasses
 * say how the start, each piece of text, each tool call and the end are written.
 */
public abstract class StreamedGeneration implements StreamingResponseBody, GenerationObserver {

	/** How a stream ended. */
	public enum Outcome {

		COMPLETED, FAILED, DISCONNECTED

	}

	/** What the writing thread is told. */
	private sealed interface Event {
	}

	private record Delta(String text) implements Event {
	}

	private record Called(ToolCall call) implements Event {
	}

	private record Completed(GenerationResult result) implements Event {
	}

	private record Failed(GenerationFailed failure) implements Event {
	}

	/** How long the writer waits for the next event before it looks again; no bytes are written meanwhile. */
	private static final Duration WAIT = Duration.ofMinutes(1);

	private final EventBuffer<Event> events = new EventBuffer<>();

	private volatile @Nullable Generation generation;

	/**
	 * Starts the generation with this stream as its observer; what it produces queues up until the
	 * body is written.
	 * @throws UnknownModel before anything is streamed, so the client gets a plain error
	 */
	protected final void start(Generations generations, GenerationRequest request) {
		this.generation = generations.start(request, this);
	}

	/** Whether it is answered from the response cache, for a request that asked for it; else {@code null}. */
	public final @Nullable CacheStatus cacheStatus() {
		Generation started = generation;
		return started == null ? null : started.cacheStatus();
	}

	@Override
	public final void onDelta(String text) {
		events.append(new Delta(text));
	}

	@Override
	public final void onToolCall(ToolCall call) {
		events.append(new Called(call));
	}

	@Override
	public final void onComplete(GenerationResult result) {
		events.close(new Completed(result));
	}

	@Override
	public final void onFailure(GenerationFailed failure) {
		events.close(new Failed(failure));
	}

	@Override
	public final void writeTo(OutputStream out) throws IOException {
		try {
			writeStart(out);
			out.flush();
			long seq = 0;
			while (true) {
				EventBatch<Event> batch = events.awaitAfter(seq, WAIT);
				seq = batch.last();
				for (Event event : batch.events()) {
					switch (event) {
						case Delta delta -> writeText(out, delta.text());
						case Called called -> writeToolCall(out, called.call());
						case Completed completed -> {
							writeCompleted(out, completed.result());
							out.flush();
							ended(Outcome.COMPLETED);
							return;
						}
						case Failed failed -> {
							writeFailed(out, failed.failure());
							out.flush();
							ended(Outcome.FAILED);
							return;
						}
					}
				}
				out.flush();
			}
		}
		catch (IOException ex) {
			// The client went away: nobody is left to read the answer.
			cancel();
			ended(Outcome.DISCONNECTED);
			throw ex;
		}
		catch (InterruptedException ex) {
			cancel();
			Thread.currentThread().interrupt();
		}
	}

	/** Writes what comes before the answer. */
	protected abstract void writeStart(OutputStream out) throws IOException;

	/** Writes the next piece of the answer's text. */
	protected abstract void writeText(OutputStream out, String text) throws IOException;

	/** Writes a tool call, which the provider port hands over whole. */
	protected abstract void writeToolCall(OutputStream out, ToolCall call) throws IOException;

	/** Writes the end of an answer: its finish reason, usage and the end of the stream. */
	protected abstract void writeCompleted(OutputStream out, GenerationResult result) throws IOException;

	/** Writes the error that ends a stream whose generation failed. */
	protected abstract void writeFailed(OutputStream out, GenerationFailed failure) throws IOException;

	/** Told once how the stream ended; the default does nothing. */
	protected void ended(Outcome outcome) {
	}

	private void cancel() {
		Generation started = generation;
		if (started != null) {
			started.cancel();
		}
	}
}
