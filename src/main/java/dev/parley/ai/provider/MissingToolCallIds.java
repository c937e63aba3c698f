package dev.parley.ai.provider;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives every tool call of an OpenAI-style chat completion an id before the SDK reads it. Some
 * OpenAI-compatible servers leave the id out, and the OpenAI SDK and Spring AI then fail the whole
 * answer ({@code id is not set}, {@code Tool call id is missing}); with this, such a call arrives
 * like any other, with an id of ours ({@link ToolCalls#of}). In a stream, every piece of one call
 * (same choice, same index) gets the same id. Whole answers are rewritten only when they hold tool
 * calls, stream events only when their line mentions them; everything else passes untouched.
 */
final class MissingToolCallIds implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		ResponseBody body = response.body();
		if (!response.isSuccessful() || body == null || !chain.request().url().encodedPath().endsWith("/chat/completions")) {
			return response;
		}
		MediaType type = body.contentType();
		if (type != null && type.subtype().equals("event-stream")) {
			Map<String, String> ids = new HashMap<>();
			Source patched = new PatchedLines(body.source(), line -> streamed(line, ids));
			return response.newBuilder().body(ResponseBody.Companion.create(Okio.buffer(patched), type, -1L)).build();
		}
		String text = body.string();
		return response.newBuilder().body(ResponseBody.Companion.create(whole(text), type)).build();
	}

	private static String whole(String text) {
		if (!text.contains("tool_calls")) {
			return text;
		}
		JsonNode completion = ToolCalls.parse(text);
		if (completion == null || !completion.path("choices").isArray()) {
			return text;
		}
		boolean changed = false;
		for (JsonNode choice : completion.path("choices").values()) {
			for (JsonNode call : choice.path("message").path("tool_calls").values()) {
				if (call instanceof ObjectNode object && call.path("id").asString("").isBlank()) {
					object.put("id", ToolCalls.of(null, "", "").id());
					changed = true;
				}
			}
		}
		return changed ? ToolCalls.write(completion) : text;
	}

	private static String streamed(String line, Map<String, String> ids) {
		if (!line.startsWith("data:") || !line.contains("tool_calls")) {
			return line;
		}
		JsonNode chunk = ToolCalls.parse(line.substring("data:".length()));
		if (chunk == null || !chunk.path("choices").isArray()) {
			return line;
		}
		boolean changed = false;
		for (JsonNode choice : chunk.path("choices").values()) {
			for (JsonNode call : choice.path("delta").path("tool_calls").values()) {
				String key = choice.path("index").asInt(0) + ":" + call.path("index").asInt(0);
				String id = call.path("id").asString("");
				if (!id.isBlank()) {
					ids.putIfAbsent(key, id);
				}
				else if (call instanceof ObjectNode object) {
					object.put("id", ids.computeIfAbsent(key, missing -> ToolCalls.of(null, "", "").id()));
					changed = true;
				}
			}
		}
		return changed ? "data: " + ToolCalls.write(chunk) : line;
	}

	/** A body read line by line, each line passed through a rewrite as it arrives. */
	private static final class PatchedLines implements Source {

		private final BufferedSource upstream;

		private final UnaryOperator<String> rewrite;

		private final Buffer ready = new Buffer();

		PatchedLines(BufferedSource upstream, UnaryOperator<String> rewrite) {
			this.upstream = upstream;
			this.rewrite = rewrite;
		}

		@Override
		public long read(Buffer sink, long byteCount) throws IOException {
			while (ready.size() == 0) {
				String line = upstream.readUtf8Line();
				if (line == null) {
					return -1;
				}
				ready.writeUtf8(rewrite.apply(line)).writeUtf8("\n");
			}
			return ready.read(sink, Math.min(byteCount, ready.size()));
		}

		@Override
		public Timeout timeout() {
			return upstream.timeout();
		}

		@Override
		public void close() throws IOException {
			upstream.close();
		}
	}
}
