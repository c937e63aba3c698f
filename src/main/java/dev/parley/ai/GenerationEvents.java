package dev.parley.ai;

import java.time.Duration;
import java.util.Map;

import dev.parley.platform.Problems;
import dev.parley.platform.streams.EventBuffer;
import dev.parley.platform.streams.SseEventWriter;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A generation streamed as Server-Sent Events: {@code delta} {content} for each piece of text, then
 * either {@code done} {model, content, finish_reason, usage} or {@code error} (an RFC 9457
 * problem). Every event has an {@code id}: its number from 1. The generation appends its events to a
 * buffer and the client's own writer sends them ({@link SseEventWriter}); nothing but that client
 * reads them, so a client that goes away (or the stream's timeout) cancels the generation.
 */
final class GenerationEvents implements GenerationObserver {

	private sealed interface Event {
	}

	private record Delta(String text) implements Event {
	}

	private record Done(GenerationResult result) implements Event {
	}

	private record Failed(GenerationFailed failure) implements Event {
	}

	private final EventBuffer<Event> events = new EventBuffer<>();

	static SseEmitter stream(Generations generations, GenerationRequest request, Duration timeout,
			jakarta.servlet.http.HttpServletResponse response) {
		GenerationEvents events = new GenerationEvents();
		Generation generation = generations.start(request, events);
		if (generation.cacheStatus() != null) {
			response.setHeader(CacheStatus.HEADER, generation.cacheStatus().headerValue());
		}
		return SseEventWriter.start("generation-stream", events.events, 0, GenerationEvents::encode, null, timeout,
				generation::cancel);
	}

	@Override
	public void onDelta(String text) {
		events.append(new Delta(text));
	}

	@Override
	public void onComplete(GenerationResult result) {
		events.close(new Done(result));
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		events.close(new Failed(failure));
	}

	private static SseEmitter.SseEventBuilder encode(long seq, Event event) {
		SseEmitter.SseEventBuilder sse = SseEmitter.event().id(Long.toString(seq));
		return switch (event) {
			case Delta delta -> sse.name("delta").data(Map.of("content", delta.text()), MediaType.APPLICATION_JSON);
			case Done done -> sse.name("done")
				.data(GenerateController.GenerateResponse.from(done.result()), MediaType.APPLICATION_JSON);
			case Failed failed -> sse.name("error")
				.data(Problems.of(failed.failure().kind(), failed.failure().getMessage()), MediaType.APPLICATION_JSON);
		};
	}
}
