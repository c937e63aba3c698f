package dev.parley.ai.provider;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an OpenAI-compatible chat-completions stream (Server-Sent Events of
 * {@code chat.completion.chunk}s) into {@link ProviderChunk}s, one per event that carries anything:
 * each chunk is read once by a streaming parser over its bytes, skipping every field Parley does not
 * use, instead of being bound to objects. It takes the delta's text (its {@code content}, and a
 * {@code refusal}'s words, which are the model's answer then; reasoning fields are left out), the
 * finish reason (in {@link FinishReasons}' words; {@code tool_calls} whenever there are calls) and
 * the usage. Tool calls arrive in pieces by index; they are assembled and delivered whole with the
 * finish reason, in the model's order, a call without id getting one of ours ({@link ToolCalls}).
 * <p>
 * A stream that ends, or breaks, before a finish reason or {@code [DONE]} fails with a
 * {@link ProviderError}, never as if it were complete; so does an {@code error} event.
 */
final class OpenAiChatStream {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_LINE = 8 * 1024 * 1024;

	private final String provider;

	private final SseLines lines;

	private final List<PartialCall> calls = new ArrayList<>();

	private boolean done;

	private boolean finished;

	OpenAiChatStream(String provider, InputStream body) {
		this.provider = provider;
		this.lines = new SseLines(body, MAX_LINE);
	}

	/**
	 * The next chunk with something in it, blocking until it has arrived.
	 * @return {@code null} once the stream is over
	 * @throws ProviderError when the stream broke, went silent for longer than its read timeout
	 *     ({@link ProviderTimeout}), ended unfinished or reported an error
	 */
	@Nullable ProviderChunk next() {
		while (!done) {
			boolean more;
			try {
				more = lines.next();
			}
			catch (InterruptedIOException ex) {
				throw new ProviderTimeout(provider + " went silent for too long", ex);
			}
			catch (IOException ex) {
				throw new ProviderError(0, null, provider + " broke off the stream", ex);
			}
			if (!more) {
				if (!finished) {
					throw new ProviderError(0, null, provider + " ended the stream before it finished", new EOFException());
				}
				done = true;
				return remainingCalls();
			}
			if (!lines.startsWith(DATA)) {
				continue;
			}
			int payload = lines.start() + DATA.length;
			if (payload < lines.end() && lines.buffer()[payload] == ' ') {
				payload++;
			}
			if (lines.end() - payload == DONE.length
					&& Arrays.equals(lines.buffer(), payload, lines.end(), DONE, 0, DONE.length)) {
				done = true;
				return remainingCalls();
			}
			ProviderChunk chunk = chunk(payload, lines.end());
			if (chunk != null && !chunk.isEmpty()) {
				return chunk;
			}
		}
		return null;
	}

	/** Calls still unsent when the stream ends without a finish reason of theirs. */
	private @Nullable ProviderChunk remainingCalls() {
		if (calls.isEmpty()) {
			return null;
		}
		return new ProviderChunk("", "tool_calls", null, completedCalls());
	}

	private @Nullable ProviderChunk chunk(int from, int to) {
		String text = "";
		String finishReason = null;
		TokenUsage usage = null;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), lines.buffer(), from, to - from)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("choices".equals(name) && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
							String field = parser.currentName();
							JsonToken fieldValue = parser.nextToken();
							if ("delta".equals(field) && fieldValue == JsonToken.START_OBJECT) {
								text = text.concat(delta(parser));
							}
							else if ("finish_reason".equals(field) && fieldValue == JsonToken.VALUE_STRING) {
								finishReason = FinishReasons.normalise(parser.getString());
							}
							else {
								parser.skipChildren();
							}
						}
					}
				}
				else if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
					usage = usage(parser);
				}
				else if ("error".equals(name) && value != JsonToken.VALUE_NULL) {
					ProviderRefusal said = ErrorBodies.refusal(provider, 0, null, Arrays.copyOfRange(lines.buffer(), from, to));
					throw new ProviderRefusal(0, null, provider + " sent an error in the stream", said.upstreamMessage(),
							said.param(), said.code());
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException | ArithmeticException ex) {
			throw new ProviderError(0, null, provider + " sent a stream event that is not a chat completion chunk", ex);
		}
		List<ToolCall> completed = List.of();
		if (finishReason != null) {
			finished = true;
			if (!calls.isEmpty()) {
				completed = completedCalls();
				finishReason = "stop".equals(finishReason) ? "tool_calls" : finishReason;
			}
		}
		return new ProviderChunk(text, finishReason, usage, completed);
	}

	/** A delta's text; its tool-call pieces go to the calls being assembled. */
	private String delta(JsonParser parser) {
		String text = "";
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_STRING && ("content".equals(name) || "refusal".equals(name))) {
				text = text.concat(parser.getString());
			}
			else if ("tool_calls".equals(name) && value == JsonToken.START_ARRAY) {
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					toolCallPiece(parser);
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return text;
	}

	/**
	 * One piece of a call: its index says which call it continues. A server that sends no index
	 * (each piece a whole call) starts a new call with every new id.
	 */
	private void toolCallPiece(JsonParser parser) {
		int index = -1;
		String id = null;
		String name = null;
		String arguments = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("index".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
				index = parser.getIntValue();
			}
			else if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
				id = parser.getString();
			}
			else if ("function".equals(field) && value == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String part = parser.currentName();
					JsonToken partValue = parser.nextToken();
					if ("name".equals(part) && partValue == JsonToken.VALUE_STRING) {
						name = parser.getString();
					}
					else if ("arguments".equals(part) && partValue == JsonToken.VALUE_STRING) {
						arguments = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		PartialCall call = callFor(index, id);
		if (call.id == null && id != null && !id.isBlank()) {
			call.id = id;
		}
		if (call.name == null && name != null && !name.isEmpty()) {
			call.name = name;
		}
		if (arguments != null) {
			call.arguments.append(arguments);
		}
	}

	private PartialCall callFor(int index, @Nullable String id) {
		for (PartialCall call : calls) {
			if (index >= 0 ? call.index == index : id != null && id.equals(call.id)) {
				return call;
			}
		}
		if (index < 0 && (id == null || id.isBlank()) && !calls.isEmpty()) {
			return calls.getLast();
		}
		PartialCall call = new PartialCall(index);
		calls.add(call);
		return call;
	}

	private List<ToolCall> completedCalls() {
		List<ToolCall> completed = calls.stream()
			.sorted((a, b) -> Integer.compare(a.index, b.index))
			.map(call -> ToolCalls.of(call.id, call.name, call.arguments.toString()))
			.toList();
		calls.clear();
		return completed;
	}

	private static @Nullable TokenUsage usage(JsonParser parser) {
		TokenUsage usage = OpenAiUsage.read(parser);
		return usage.equals(TokenUsage.NONE) ? null : usage;
	}

	/** A tool call being assembled from its pieces. */
	private static final class PartialCall {

		private final int index;

		private @Nullable String id;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		private PartialCall(int index) {
			this.index = index;
		}
	}
}
