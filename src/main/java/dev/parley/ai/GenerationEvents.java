package dev.parley.ai;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.platform.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A generation streamed as Server-Sent Events: {@code delta} {content} for each piece of text, then
 * either {@code done} {model, content, finish_reason, usage} or {@code error} (an RFC 9457
 * problem). Every event has an {@code id}: a counter from 1. A client that goes away cancels the
 * generation.
 */
final class GenerationEvents implements GenerationObserver {

	private final SseEmitter emitter;

	private final AtomicLong ids = new AtomicLong();

	private final AtomicReference<Generation> generation = new AtomicReference<>();

	private GenerationEvents(SseEmitter emitter) {
		this.emitter = emitter;
	}

	static SseEmitter stream(Generations generations, GenerationRequest request, Duration timeout) {
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		GenerationEvents events = new GenerationEvents(emitter);
		emitter.onTimeout(events::cancel);
		emitter.onError(error -> events.cancel());
		events.generation.set(generations.start(request, events));
		return emitter;
	}

	@Override
	public void onDelta(String text) {
		send("delta", Map.of("content", text));
	}

	@Override
	public void onComplete(GenerationResult result) {
		if (send("done", GenerateController.GenerateResponse.from(result))) {
			emitter.complete();
		}
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		if (failure.reason() == GenerationFailed.Reason.CANCELLED) {
			return;
		}
		if (send("error", Problems.of(failure.kind(), failure.getMessage()))) {
			emitter.complete();
		}
	}

	private boolean send(String name, Object data) {
		try {
			emitter.send(SseEmitter.event().id(Long.toString(ids.incrementAndGet())).name(name).data(data,
					MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away: nobody is listening, so stop paying for tokens.
			cancel();
			return false;
		}
	}

	private void cancel() {
		Generation running = generation.get();
		if (running != null) {
			running.cancel();
		}
	}
}
