package dev.parley.ai.openai;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.parley.ai.AiProperties;
import dev.parley.ai.OpenAiPassThrough;
import dev.parley.ai.StreamedGeneration;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.UpstreamExchange;
import dev.parley.ai.cache.CacheKey;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions} for models of OpenAI-compatible servers, passed through: the
 * client's body goes upstream with only {@code model} renamed (plus {@code stream_options.include_usage}
 * on a stream, and token limits above {@code PARLEY_MAX_TOKENS} lowered); the answer, JSON or
 * Server-Sent Events, comes back as the server sent it with only {@code model} renamed to the
 * Parley id. Unknown fields survive both ways; nothing is injected. Usage is read from the answer
 * and metered. Errors before the answer starts are thrown (see {@link UpstreamErrors}); a stream
 * that breaks ends with an error event ({@link CompletionStreamRelay}).
 */
@Component
class PassThroughCompletions {

	private final OpenAiPassThrough passThrough;

	private final JsonMapper json;

	private final StreamOutcomes outcomes;

	private final int maxTokens;

	private final CachedPassThrough cached;

	PassThroughCompletions(OpenAiPassThrough passThrough, JsonMapper json, StreamOutcomes outcomes,
			AiProperties properties, CachedPassThrough cached) {
		this.cached = cached;
		this.passThrough = passThrough;
		this.json = json;
		this.outcomes = outcomes;
		this.maxTokens = properties.limits().maxTokens();
	}

	/** Whether requests for this model are passed through (rather than translated). */
	boolean handles(@Nullable String model) {
		return passThrough.handles(model);
	}

	/**
	 * Passes the request through and writes the answer to {@code response}; with a cache key (the
	 * request asked for the cache and it held nothing), a complete answer is stored under it.
	 */
	void complete(UUID userId, ChatRequestFields request, HttpServletResponse response, @Nullable CacheKey cacheKey)
			throws IOException {
		try (UpstreamExchange exchange = passThrough.open(userId, request.model(), "/chat/completions",
				upstreamModel -> request.forUpstream(upstreamModel, maxTokens), request.streamed())) {
			String contentType = exchange.contentType();
			Stored stored = cacheKey == null ? null : new Stored(cacheKey, userId);
			if (contentType != null && contentType.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE)) {
				stream(exchange, request.usageAsked(), response, stored);
			}
			else {
				whole(exchange, contentType, response, stored);
			}
		}
	}

	/** Where a complete answer is stored in the response cache. */
	private record Stored(CacheKey key, UUID userId) {
	}

	private void stream(UpstreamExchange exchange, boolean usageAsked, HttpServletResponse response,
			@Nullable Stored stored) {
		response.setStatus(exchange.status());
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		// Proxies such as nginx would otherwise hold the events back until their buffer fills.
		response.setHeader("X-Accel-Buffering", "no");
		try {
			OutputStream out = response.getOutputStream();
			CachedPassThrough.Recorder recorder = stored == null ? null : CachedPassThrough.recorder(out).asStream();
			CompletionStreamRelay relay = new CompletionStreamRelay(exchange, recorder != null ? recorder : out,
					usageAsked, json);
			boolean completed = relay.relay();
			outcomes.record(completed ? StreamedGeneration.Outcome.COMPLETED : StreamedGeneration.Outcome.FAILED);
			if (completed && recorder != null && exchange.status() == 200) {
				cached.store(stored.key(), stored.userId(), exchange.model(), recorder, relay.usage());
			}
		}
		catch (IOException ex) {
			// The client went away: nobody is left to read the answer.
			exchange.cancelled();
			outcomes.record(StreamedGeneration.Outcome.DISCONNECTED);
		}
	}

	private void whole(UpstreamExchange exchange, @Nullable String contentType, HttpServletResponse response,
			@Nullable Stored stored) throws IOException {
		byte[] body;
		try {
			body = exchange.body().readAllBytes();
		}
		catch (InterruptedIOException ex) {
			throw exchange.brokeOff(new ProviderTimeout("the answer did not arrive in time", ex));
		}
		catch (IOException ex) {
			throw exchange.brokeOff(new ProviderError(0, null, "the answer broke off", ex));
		}
		CompletionFields fields = CompletionFields.scan(body, 0, body.length, true);
		response.setStatus(exchange.status());
		response.setContentType(contentType == null ? MediaType.APPLICATION_JSON_VALUE : contentType);
		byte[] model = ChatRequestFields.quote(exchange.model()).getBytes(StandardCharsets.UTF_8);
		CachedPassThrough.Recorder recorder = null;
		try {
			OutputStream out = response.getOutputStream();
			if (stored != null) {
				recorder = CachedPassThrough.recorder(out);
				out = recorder;
			}
			if (fields == null || fields.modelStart < 0) {
				response.setContentLength(body.length);
				out.write(body);
			}
			else {
				response.setContentLength(body.length - (fields.modelEnd - fields.modelStart) + model.length);
				out.write(body, 0, fields.modelStart);
				out.write(model);
				out.write(body, fields.modelEnd, body.length - fields.modelEnd);
			}
			out.flush();
		}
		catch (IOException ex) {
			exchange.cancelled();
			return;
		}
		if (fields != null && fields.spoke) {
			exchange.spoke();
		}
		TokenUsage usage = fields == null || fields.usage == null ? TokenUsage.NONE : fields.usage;
		exchange.completed(usage, fields == null ? null : fields.finishReason);
		if (recorder != null && fields != null && exchange.status() == 200) {
			cached.store(stored.key(), stored.userId(), exchange.model(), recorder, usage);
		}
	}
}
