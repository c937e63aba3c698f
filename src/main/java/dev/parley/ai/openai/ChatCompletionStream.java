package dev.parley.ai.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.ToolCall;
import dev.parley.platform.streams.EventBatch;
import dev.parley.platform.streams.EventBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed chat completion: the generation appends its events to a buffer as they arrive
 * ({@link EventBuffer}, never waiting for the client), and the request's own (virtual) thread writes
 * them (text and tool call deltas), each as one {@code data:} event, flushing after all that were there, so a slow client never
 * holds up the thread the provider answers on. A client that goes away cancels the
 * generation. The stream ends with the finishing chunk, the usage chunk when asked for, and
 * {@code data: [DONE]}; a generation that fails ends it with an OpenAI error event instead.
 */
final class ChatCompletionStream implements StreamingResponseBody, GenerationObserver {

	/** How a stream ended, for the {@code parley.openai.streams} metric. */
	enum Outcome {

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

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	/** How long the writer waits for the next event before it looks again; no bytes are written meanwhile. */
	private static final Duration WAIT = Duration.ofMinutes(1);

	private final EventBuffer<Event> events = new EventBuffer<>();

	private final String id;

	private final long created;

	private final String model;

	private final boolean includeUsage;

	private final JsonMapper json;

	private final StreamOutcomes outcomes;

	private volatile Generation generation;

	private ChatCompletionStream(String id, long created, String model, boolean includeUsage, JsonMapper json,
			StreamOutcomes outcomes) {
		this.id = id;
		this.created = created;
		this.model = model;
		this.includeUsage = includeUsage;
		this.json = json;
		this.outcomes = outcomes;
	}

	/**
	 * Starts the generation; its deltas queue up until the response body is written.
	 * @throws dev.parley.ai.UnknownModel before anything is streamed, so the client gets a plain error
	 */
	static ChatCompletionStream start(Generations generations, GenerationRequest request, String id, long created,
			String model, boolean includeUsage, JsonMapper json, StreamOutcomes outcomes) {
		ChatCompletionStream stream = new ChatCompletionStream(id, created, model, includeUsage, json, outcomes);
		stream.generation = generations.start(request, stream);
		return stream;
	}

	/** Whether it is answered from the response cache, for a request that asked for it; else {@code null}. */
	dev.parley.ai.@org.jspecify.annotations.Nullable CacheStatus cacheStatus() {
		return generation.cacheStatus();
	}

	@Override
	public void onDelta(String text) {
		events.append(new Delta(text));
	}

	@Override
	public void onToolCall(ToolCall call) {
		events.append(new Called(call));
	}

	@Override
	public void onComplete(GenerationResult result) {
		events.close(new Completed(result));
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		events.close(new Failed(failure));
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		try {
			send(out, chunk(new ChatCompletionChunk.Delta("assistant", ""), null));
			out.flush();
			long seq = 0;
			int calls = 0;
			while (true) {
				EventBatch<Event> batch = events.awaitAfter(seq, WAIT);
				seq = batch.last();
				for (Event event : batch.events()) {
					switch (event) {
						case Delta delta -> send(out, chunk(new ChatCompletionChunk.Delta(null, delta.text()), null));
						case Called called -> send(out, chunk(new ChatCompletionChunk.Delta(null, null,
								List.of(ChatCompletionChunk.ToolCallDelta.of(calls++, called.call()))), null));
						case Completed completed -> {
							finish(out, completed.result());
							outcomes.record(Outcome.COMPLETED);
							return;
						}
						case Failed failed -> {
							send(out, OpenAiError.of(failed.failure()));
							out.flush();
							outcomes.record(Outcome.FAILED);
							return;
						}
					}
				}
				out.flush();
			}
		}
		catch (IOException ex) {
			// The client went away: nobody is left to read the answer.
			generation.cancel();
			outcomes.record(Outcome.DISCONNECTED);
			throw ex;
		}
		catch (InterruptedException ex) {
			generation.cancel();
			Thread.currentThread().interrupt();
		}
	}

	private void finish(OutputStream out, GenerationResult result) throws IOException {
		send(out, chunk(new ChatCompletionChunk.Delta(null, null), ChatCompletion.finishReason(result.finishReason())));
		if (includeUsage) {
			send(out, new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, List.of(),
					ChatCompletion.Usage.from(result.usage())));
		}
		out.write(DONE);
		out.flush();
	}

	private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, @Nullable String finishReason) {
		return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
				List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)), null);
	}

	private void send(OutputStream out, Object data) throws IOException {
		out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
	}
}
