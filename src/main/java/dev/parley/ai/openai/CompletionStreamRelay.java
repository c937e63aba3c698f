package dev.parley.ai.openai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.UpstreamExchange;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays an upstream's Server-Sent Events stream of chat completion chunks to the client line by
 * line, as they arrive: every line goes out as it came, except that a {@code data:} chunk gets the
 * Parley model id for its {@code model}, and, when the client did not ask for usage itself, the
 * usage chunk Parley asked for is left out (with the {@code "usage": null} it puts on the others).
 * Each chunk is scanned once, without building it, for the usage, the finish reason and the first
 * word (see {@link CompletionFields}). What arrived in one read is flushed together.
 * <p>
 * A stream that ends without {@code [DONE]} but with a finish reason gets its {@code [DONE]}; one
 * that ends (or breaks) without either ends with an OpenAI error event, never as if it were complete.
 */
final class CompletionStreamRelay {

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE_EVENT = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_LINE = 8 * 1024 * 1024;

	private final UpstreamExchange exchange;

	private final OutputStream out;

	private final boolean usageAsked;

	private final byte[] model;

	private final JsonMapper json;

	private byte[] data = new byte[16 * 1024];

	private boolean done;

	private boolean spoke;

	private boolean skipBlank;

	private boolean midEvent;

	private @Nullable String finishReason;

	private TokenUsage usage = TokenUsage.NONE;

	CompletionStreamRelay(UpstreamExchange exchange, OutputStream out, boolean usageAsked, JsonMapper json) {
		this.exchange = exchange;
		this.out = out;
		this.usageAsked = usageAsked;
		this.json = json;
		this.model = ChatRequestFields.quote(exchange.model()).getBytes(StandardCharsets.UTF_8);
	}

	/** The usage the stream reported, once relayed. */
	TokenUsage usage() {
		return usage;
	}

	/**
	 * Relays the whole stream and reports how it ended to the exchange.
	 * @return whether it completed (else it ended with an error event)
	 * @throws IOException when the client went away; the exchange is not told (the caller cancels it)
	 */
	boolean relay() throws IOException {
		InputStream in = exchange.body();
		int filled = 0;
		int lineStart = 0;
		int scanFrom = 0;
		while (true) {
			if (filled == data.length) {
				if (lineStart > 0) {
					System.arraycopy(data, lineStart, data, 0, filled - lineStart);
					filled -= lineStart;
					scanFrom -= lineStart;
					lineStart = 0;
				}
				else if (data.length >= MAX_LINE) {
					return fail(new ProviderError(0, null, "a line of the stream is too long", new EOFException()));
				}
				else {
					data = java.util.Arrays.copyOf(data, data.length * 2);
				}
			}
			int read;
			try {
				read = in.read(data, filled, data.length - filled);
			}
			catch (InterruptedIOException ex) {
				return fail(new ProviderTimeout("the stream went silent for too long", ex));
			}
			catch (IOException ex) {
				return fail(new ProviderError(0, null, "the stream broke off", ex));
			}
			if (read < 0) {
				break;
			}
			filled += read;
			for (int i = scanFrom; i < filled; i++) {
				if (data[i] == '\n') {
					line(lineStart, i);
					lineStart = i + 1;
				}
			}
			scanFrom = filled;
			if (lineStart == filled) {
				filled = lineStart = scanFrom = 0;
			}
			out.flush();
		}
		if (lineStart < filled) {
			line(lineStart, filled);
		}
		if (!done && finishReason == null) {
			return fail(new ProviderError(0, null, "the stream ended before it finished", new EOFException()));
		}
		if (!done) {
			endEvent();
			out.write(DONE_EVENT);
		}
		out.flush();
		exchange.completed(usage, finishReason);
		return true;
	}

	private void line(int start, int newline) throws IOException {
		int end = newline > start && data[newline - 1] == '\r' ? newline - 1 : newline;
		if (end == start) {
			if (skipBlank) {
				skipBlank = false;
				return;
			}
			out.write('\n');
			midEvent = false;
			return;
		}
		skipBlank = false;
		midEvent = true;
		if (startsWith(start, end, DATA)) {
			int payload = start + DATA.length;
			if (payload < end && data[payload] == ' ') {
				payload++;
			}
			if (startsWith(payload, end, DONE) && end - payload == DONE.length) {
				done = true;
			}
			else if (payload < end && data[payload] == '{' && chunk(start, payload, end)) {
				return;
			}
		}
		out.write(data, start, end - start);
		out.write('\n');
	}

	/** Relays a chunk rewritten; {@code false} when it is not JSON and goes out as it came. */
	private boolean chunk(int start, int payload, int end) throws IOException {
		CompletionFields fields = CompletionFields.scan(data, payload, end - payload, !spoke);
		if (fields == null) {
			return false;
		}
		if (fields.usage != null) {
			usage = fields.usage;
		}
		if (finishReason == null && fields.finishReason != null) {
			finishReason = fields.finishReason;
		}
		if (fields.spoke && !spoke) {
			spoke = true;
			exchange.spoke();
		}
		if (!usageAsked && fields.usage != null && fields.noChoices) {
			// The usage chunk Parley asked for: the client did not, so it never sees it.
			midEvent = false;
			skipBlank = true;
			return true;
		}
		int modelStart = fields.modelStart < 0 ? -1 : payload + fields.modelStart;
		int modelEnd = payload + fields.modelEnd;
		int cutStart = -1;
		int cutEnd = -1;
		if (!usageAsked && fields.nullUsageStart >= 0) {
			cutStart = payload + fields.nullUsageStart;
			cutEnd = payload + fields.nullUsageEnd;
			int before = cutStart - 1;
			while (before > payload && isSpace(data[before])) {
				before--;
			}
			if (data[before] == ',') {
				cutStart = before;
			}
			else {
				while (cutEnd < end && isSpace(data[cutEnd])) {
					cutEnd++;
				}
				if (cutEnd < end && data[cutEnd] == ',') {
					cutEnd++;
					while (cutEnd < end && isSpace(data[cutEnd])) {
						cutEnd++;
					}
				}
			}
		}
		int at = start;
		if (modelStart >= 0 && (cutStart < 0 || modelStart < cutStart)) {
			at = replace(at, modelStart, modelEnd, model);
			at = cutStart < 0 ? at : replace(at, cutStart, cutEnd, null);
		}
		else {
			at = cutStart < 0 ? at : replace(at, cutStart, cutEnd, null);
			at = modelStart < 0 ? at : replace(at, modelStart, modelEnd, model);
		}
		out.write(data, at, end - at);
		out.write('\n');
		return true;
	}

	/** Writes the bytes from {@code at} to {@code from}, then {@code with} instead of those up to {@code to}. */
	private int replace(int at, int from, int to, byte @Nullable [] with) throws IOException {
		out.write(data, at, from - at);
		if (with != null) {
			out.write(with);
		}
		return to;
	}

	private boolean fail(ProviderError cause) throws IOException {
		GenerationFailed failure = exchange.brokeOff(cause);
		endEvent();
		out.write(("data: " + json.writeValueAsString(UpstreamErrors.body(failure)) + "\n\n")
			.getBytes(StandardCharsets.UTF_8));
		out.flush();
		return false;
	}

	/** Ends an event left open, so that what follows is an event of its own. */
	private void endEvent() throws IOException {
		if (midEvent) {
			out.write('\n');
			midEvent = false;
		}
	}

	private boolean startsWith(int start, int end, byte[] prefix) {
		if (end - start < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[start + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}
}
