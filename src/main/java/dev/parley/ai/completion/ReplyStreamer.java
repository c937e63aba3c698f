package dev.parley.ai.completion;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.MessageView;
import dev.parley.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a reply to a client as Server-Sent Events: {@code user_message} (on a new turn),
 * {@code delta}s, then {@code done} or {@code error}. Each client gets its own virtual thread, so a
 * slow one only delays itself (it receives what it missed in one delta). An event's {@code id} is
 * the length of reply text sent so far, which is what {@code Last-Event-ID} resumes from. A client
 * that goes away stops its writer, never the generation.
 */
@Component
class ReplyStreamer {

	private static final Logger log = LoggerFactory.getLogger(ReplyStreamer.class);

	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	SseEmitter stream(UUID messageId, ReplySource source, int fromOffset, MessageView userMessage) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Thread.ofVirtual().name("reply-stream-" + messageId).start(() -> pump(emitter, messageId, source, fromOffset,
				userMessage));
		return emitter;
	}

	private void pump(SseEmitter emitter, UUID messageId, ReplySource source, int offset, MessageView userMessage) {
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
					sendEnding(emitter, offset, progress.outcome());
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

	private static void sendEnding(SseEmitter emitter, int offset, ReplyOutcome outcome) throws IOException {
		GenerationFailed failure = outcome.failure();
		if (failure == null || failure.reason() == GenerationFailed.Reason.CANCELLED) {
			emitter.send(SseEmitter.event().id(Integer.toString(offset)).name("done").data(outcome.message()));
			return;
		}
		ProblemDetail problem = Problems.of(failure.kind(), failure.getMessage());
		problem.setProperty("message_id", outcome.message().id());
		emitter.send(SseEmitter.event().id(Integer.toString(offset)).name("error").data(problem));
	}

	/** A piece of reply text. */
	record Delta(UUID messageId, String content) {
	}
}
