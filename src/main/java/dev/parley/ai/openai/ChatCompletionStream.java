package dev.parley.ai.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed chat completion: the generation's deltas are queued as they arrive and written, each
 * as one {@code data:} event flushed at once, by the request's own (virtual) thread, so a slow
 * client never holds up the thread the provider answers on. A client that goes away cancels the
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

	private record Completed(GenerationResult result) implements Event {
	}

	private record Failed(GenerationFailed failure) implements Event {
	}

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

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

	@Override
	public void onDelta(String text) {
		events.add(new Delta(text));
	}

	@Override
	public void onComplete(GenerationResult result) {
		events.add(new Completed(result));
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		events.add(new Failed(failure));
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		try {
			send(out, chunk(new ChatCompletionChunk.Delta("assistant", ""), null));
			while (true) {
				switch (events.take()) {
					case Delta delta -> send(out, chunk(new ChatCompletionChunk.Delta(null, delta.text()), null));
					case Completed completed -> {
						finish(out, completed.result());
						outcomes.record(Outcome.COMPLETED);
						return;
					}
					case Failed failed -> {
						send(out, OpenAiError.of(failed.failure()));
						outcomes.record(Outcome.FAILED);
						return;
					}
				}
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

	private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, String finishReason) {
		return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
				List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null);
	}

	private void send(OutputStream out, Object data) throws IOException {
		out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}
}
