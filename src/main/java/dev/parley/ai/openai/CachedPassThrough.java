package dev.parley.ai.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.CacheDirective;
import dev.parley.ai.CacheStatus;
import dev.parley.ai.OpenAiPassThrough;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.cache.CacheKey;
import dev.parley.ai.cache.CachedAnswer;
import dev.parley.ai.cache.ResponseCache;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response cache of passed-through chat completions ({@code x-parley-cache: true}): the key is
 * the request's whole body (parsed, keys sorted) for the resolved model and the caller; what is
 * stored is the answer as the client received it (the server's bytes with only {@code model}
 * renamed), JSON or Server-Sent Events, replayed byte for byte (so with the original {@code id}
 * and {@code created}).
 */
@Component
class CachedPassThrough {

	private static final Logger log = LoggerFactory.getLogger(CachedPassThrough.class);

	/** Larger answers are passed on but not kept. */
	static final int MAX_STORED_BYTES = 4 * 1024 * 1024;

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final ResponseCache cache;

	private final OpenAiPassThrough passThrough;

	private final JsonMapper json;

	private final Clock clock;

	CachedPassThrough(ResponseCache cache, OpenAiPassThrough passThrough, JsonMapper json, Clock clock) {
		this.cache = cache;
		this.passThrough = passThrough;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The key of a request that asked for the cache.
	 * @throws InvalidChatRequest naming {@code x-parley-cache} when it may not be cached (tools, or
	 *     neither temperature 0 nor a seed)
	 */
	CacheKey key(UUID userId, byte[] body, String model, boolean streamed) {
		Map<String, Object> request = json.readValue(body, OBJECT);
		Double temperature = request.get("temperature") instanceof Number number ? number.doubleValue() : null;
		Long seed = request.get("seed") instanceof Number number ? number.longValue() : null;
		boolean tools = present(request.get("tools")) || present(request.get("functions"));
		String refusal = CacheDirective.refusal(temperature, seed, tools);
		if (refusal != null) {
			throw new InvalidChatRequest(CacheStatus.HEADER, refusal);
		}
		return CacheKey.of(CacheKey.scope(userId, CacheDirective.PRIVATE), model,
				streamed ? CachedAnswer.OPENAI_SSE : CachedAnswer.OPENAI_JSON, request);
	}

	/** Writes the stored answer, when there is one, metered as a cache hit; else says so. */
	boolean replay(UUID userId, @Nullable String requested, CacheKey key, HttpServletResponse response)
			throws IOException {
		Instant startedAt = clock.instant();
		Optional<CachedAnswer> hit = cache.find(key);
		if (hit.isEmpty()) {
			response.setHeader(CacheStatus.HEADER, CacheStatus.MISS.headerValue());
			return false;
		}
		CachedAnswer answer = hit.get();
		byte[] body = answer.response().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		response.setStatus(200);
		response.setHeader(CacheStatus.HEADER, CacheStatus.HIT.headerValue());
		if (CachedAnswer.OPENAI_SSE.equals(answer.kind())) {
			response.setContentType("text/event-stream;charset=UTF-8");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
			response.setHeader("X-Accel-Buffering", "no");
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(body.length);
		}
		passThrough.answeredFromCache(userId, requested, answer.usage(), startedAt);
		OutputStream out = response.getOutputStream();
		out.write(body);
		out.flush();
		return true;
	}

	/** A copy of what is written to the client, to store once the answer is complete. */
	static Recorder recorder(OutputStream out) {
		return new Recorder(out);
	}

	/** Stores a complete answer as the client received it. */
	void store(CacheKey key, UUID userId, String model, Recorder recorded, TokenUsage usage) {
		if (recorded.overflowed) {
			return;
		}
		try {
			cache.store(key, userId, new CachedAnswer(model, recorded.kind, recorded.copy.toString(
					java.nio.charset.StandardCharsets.UTF_8), usage), null);
		}
		catch (RuntimeException ex) {
			log.warn("A passed-through answer was not stored in the response cache", ex);
		}
	}

	private static boolean present(@Nullable Object value) {
		return value instanceof Collection<?> list ? !list.isEmpty() : value != null;
	}

	/** Passes bytes on and keeps a copy of them, up to {@link #MAX_STORED_BYTES}. */
	static final class Recorder extends OutputStream {

		private final OutputStream out;

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		private boolean overflowed;

		private String kind = CachedAnswer.OPENAI_JSON;

		private Recorder(OutputStream out) {
			this.out = out;
		}

		Recorder asStream() {
			kind = CachedAnswer.OPENAI_SSE;
			return this;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			keep(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
			keep(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		private void keep(byte[] bytes, int offset, int length) {
			if (overflowed || copy.size() + length > MAX_STORED_BYTES) {
				overflowed = true;
				return;
			}
			copy.write(bytes, offset, length);
		}
	}
}
