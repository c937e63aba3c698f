package dev.parley.ai.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.StreamedGeneration;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed chat completion ({@link StreamedGeneration}): a first chunk with the role, then text and
 * tool call deltas, each as one {@code data:} event. The stream ends with the finishing chunk, the
 * usage chunk when asked for, and {@code data: [DONE]}; a generation that fails ends it with an
 * OpenAI error event instead. How each stream ended is counted ({@link StreamOutcomes}).
 */
final class ChatCompletionStream extends StreamedGeneration {

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final String id;

	private final long created;

	private final String model;

	private final boolean includeUsage;

	private final JsonMapper json;

	private final StreamOutcomes outcomes;

	/** The index of the next tool call. */
	private int calls;

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
		stream.start(generations, request);
		return stream;
	}

	@Override
	protected void writeStart(OutputStream out) throws IOException {
		send(out, chunk(new ChatCompletionChunk.Delta("assistant", ""), null));
	}

	@Override
	protected void writeText(OutputStream out, String text) throws IOException {
		send(out, chunk(new ChatCompletionChunk.Delta(null, text), null));
	}

	@Override
	protected void writeToolCall(OutputStream out, ToolCall call) throws IOException {
		send(out, chunk(new ChatCompletionChunk.Delta(null, null, List.of(ChatCompletionChunk.ToolCallDelta.of(calls++, call))),
				null));
	}

	@Override
	protected void writeFailed(OutputStream out, GenerationFailed failure) throws IOException {
		send(out, OpenAiError.of(failure));
	}

	@Override
	protected void ended(Outcome outcome) {
		outcomes.record(outcome);
	}

	@Override
	protected void writeCompleted(OutputStream out, GenerationResult result) throws IOException {
		send(out, chunk(new ChatCompletionChunk.Delta(null, null), ChatCompletion.finishReason(result.finishReason())));
		if (includeUsage) {
			send(out, new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, List.of(),
					ChatCompletion.Usage.from(result.usage())));
		}
		out.write(DONE);
	}

	private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, @Nullable String finishReason) {
		return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
				List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)), null);
	}

	private void send(OutputStream out, Object data) throws IOException {
		out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
	}
}
