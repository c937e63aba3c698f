package dev.parley.ai.completion;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import dev.parley.conversations.MessageView;
import dev.parley.platform.ParleyException;
import dev.parley.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a reply to a client as Server-Sent Events: {@code user_message} (on a new turn),
 * {@code delta}s, then {@code done} or {@code error} (a problem: the provider's failure, or 410 when
 * the reply was deleted meanwhile). Each client gets its own virtual thread, so a slow one only
 * delays itself (it receives what it missed in one delta). An event's {@code id} is the length of
 * reply text sent so far, which is what {@code Last-Event-ID} resumes from. A client that goes away
 * stops its writer, never the generation. A stream stays open at most
 * {@code spring.mvc.async.request-timeout} ({@code PARLEY_STREAM_TIMEOUT}), the default of every
 * asynchronous response; it then ends, and the client may follow the reply again. {@link ReplyEvents}
 * documents the events.
 */
@Component
class ReplyStreamer {

	private static final Logger log = LoggerFactory.getLogger(ReplyStreamer.class);

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	SseEmitter stream(UUID messageId, ReplySource source, int fromOffset, @Nullable MessageView userMessage) {
		// No timeout of its own: the one set for asynchronous requests applies.
		SseEmitter emitter = new SseEmitter();
		// Ended quietly, rather than by an error response that can no longer be written.
		emitter.onTimeout(emitter::complete);
		Thread.ofVirtual().name("reply-stream-" + messageId).start(() -> pump(emitter, messageId, source, fromOffset,
				userMessage));
		return emitter;
	}

	private void pump(SseEmitter emitter, UUID messageId, ReplySource source, int offset,
			@Nullable MessageView userMessage) {
		try {
			if (userMessage != null) {
				emitter.send(SseEmitter.event().id("0").name("user_message").data(userMessage));
			}
			while (true) {
				LiveReply.Progress progress = source.awaitPast(offset, KEEP_ALIVE);
				offset = progress.offset();
				if (!progress.text().isEmpty()) {
					emitter.send(SseEmitter.event()
						.id(Integer.toString(offset))
						.name("delta")
						.data(new Delta(messageId, progress.text())));
				}
				if (progress.outcome() != null) {
					sendEnding(emitter, messageId, offset, progress.outcome());
					emitter.complete();
					return;
				}
				if (progress.text().isEmpty()) {
					emitter.send(SseEmitter.event().comment("keep-alive"));
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Client of reply {} went away; the reply goes on", messageId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.error("Streaming reply {} failed", messageId, ex);
			emitter.completeWithError(ex);
		}
	}

	private static void sendEnding(SseEmitter emitter, UUID messageId, int offset, ReplyOutcome outcome)
			throws IOException {
		ParleyException failure = outcome.failure();
		if (failure == null || outcome.cancelled()) {
			emitter.send(SseEmitter.event().id(Integer.toString(offset)).name("done").data(outcome.message()));
			return;
		}
		ProblemDetail problem = Problems.of(failure.kind(), failure.getMessage());
		problem.setProperty("message_id", messageId);
		emitter.send(SseEmitter.event().id(Integer.toString(offset)).name("error").data(problem));
	}

	/** A piece of reply text. */
	@Schema(name = "ReplyDelta")
	record Delta(UUID messageId, String content) {
	}
}
