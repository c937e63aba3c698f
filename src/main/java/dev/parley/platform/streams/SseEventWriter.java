package dev.parley.platform.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes an {@link EventSource} to one client as Server-Sent Events, on a virtual thread of its own:
 * it waits for the events after the last it sent, writes all that are there at once (one flush, the
 * text of consecutive events joined into one write: {@link TextRuns}), and after 15 s without any writes a {@code :keep-alive} comment. The stream ends after the source's
 * last event. A client that goes away (a failed write, an error, or the stream's timeout) stops the
 * writer and is reported to {@code onClientGone}: a stored reply goes on without it, a generation
 * nobody else follows is cancelled there.
 */
public final class SseEventWriter {

	private static final Logger log = LoggerFactory.getLogger(SseEventWriter.class);

	static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	/**
	 * The media type of an event's data that its encoder serialised to JSON text itself
	 * ({@code data(json, JSON_TEXT)}): written in UTF-8 like the event's framing, and joined with it
	 * into one write ({@link TextRuns}).
	 */
	public static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	/** Turns an event and its number into the SSE event written for it. */
	@FunctionalInterface
	public interface Encoder<E> {

		SseEmitter.SseEventBuilder encode(long seq, E event);
	}

	private SseEventWriter() {
	}

	/**
	 * Starts writing the events after {@code after}.
	 * @param name names the writer's thread
	 * @param timeout how long the stream may stay open, or {@code null} for the default of every
	 * asynchronous response ({@code spring.mvc.async.request-timeout}); it then ends quietly
	 * @param first written before any event of the source (for instance what the stream is about), or
	 * {@code null}
	 */
	public static <E> SseEmitter start(String name, EventSource<E> source, long after, Encoder<E> encoder,
			SseEmitter.@Nullable SseEventBuilder first, @Nullable Duration timeout, Runnable onClientGone) {
		SseEmitter emitter = timeout == null ? new SseEmitter() : new SseEmitter(timeout.toMillis());
		// Ended quietly, rather than by an error response that can no longer be written.
		emitter.onTimeout(() -> {
			onClientGone.run();
			emitter.complete();
		});
		emitter.onError(error -> onClientGone.run());
		Thread.ofVirtual().name(name).start(() -> pump(emitter, name, source, after, encoder, first, onClientGone));
		return emitter;
	}

	private static <E> void pump(SseEmitter emitter, String name, EventSource<E> source, long seq, Encoder<E> encoder,
			SseEmitter.@Nullable SseEventBuilder first, Runnable onClientGone) {
		try {
			if (first != null) {
				emitter.send(first);
			}
			while (true) {
				EventBatch<E> batch = source.awaitAfter(seq, KEEP_ALIVE);
				if (!batch.events().isEmpty()) {
					emitter.send(TextRuns.joined(batch, encoder));
					seq = batch.last();
				}
				if (batch.closed()) {
					emitter.complete();
					return;
				}
				if (batch.events().isEmpty()) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Client of {} went away", name);
			onClientGone.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.error("Streaming {} failed", name, ex);
			emitter.completeWithError(ex);
		}
	}
}
