package dev.parley.ai.openai;

import java.io.IOException;
import java.time.Clock;

import dev.parley.ai.CacheDirective;
import dev.parley.ai.CacheStatus;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.cache.CacheKey;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Ids;
import dev.parley.platform.limits.RateLimitHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/v1")
@Tag(name = "OpenAI-compatible", description = "OpenAI's API shape, for OpenAI SDKs and tools (key: a Parley API key)")
class ChatCompletionsController {

	private final Generations generations;

	private final JsonMapper json;

	private final StreamOutcomes outcomes;

	private final GatewayKeyLimits keyLimits;

	private final Clock clock;

	private final ChatRequestTranslator translator;

	private final PassThroughCompletions passThrough;

	private final TranslatedRequests translated;

	private final CachedPassThrough cached;

	ChatCompletionsController(Generations generations, JsonMapper json, StreamOutcomes outcomes, Clock clock,
			ChatRequestTranslator translator, GatewayKeyLimits keyLimits, PassThroughCompletions passThrough,
			TranslatedRequests translated, CachedPassThrough cached) {
		this.cached = cached;
		this.generations = generations;
		this.translator = translator;
		this.keyLimits = keyLimits;
		this.json = json;
		this.outcomes = outcomes;
		this.clock = clock;
		this.passThrough = passThrough;
		this.translated = translated;
	}

	/**
	 * Answers with a {@link ChatCompletion}, or with a {@link ChatCompletionStream} when
	 * {@code stream} is true. The return type is {@code Object} because Spring MVC picks the
	 * streaming handler by the returned value's type only when the declared type does not fix it.
	 * Usage counts against the caller, the owner of the API key. A model of an OpenAI-compatible
	 * server is passed through ({@link PassThroughCompletions}): the body is taken as bytes so that
	 * it reaches the server as sent ({@link RequestBodies}); any other model's request is read and
	 * translated.
	 */
	@PostMapping(path = "/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a chat completion (OpenAI's shape); stream=true answers with Server-Sent Events")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ChatCompletion.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(implementation = ChatCompletionEvents.class)) })
	@ApiResponse(responseCode = "400", description = "The request is invalid, or the provider refused it (its message, keys and URLs removed)")
	@ApiResponse(responseCode = "401", description = "The provider refused your own key for it")
	@ApiResponse(responseCode = "403", description = "The provider needs a key of your own, or refused your own key")
	@ApiResponse(responseCode = "404", description = "No such model (code model_not_found), or the provider knows no such model")
	@ApiResponse(responseCode = "422", description = "The provider could not process the request")
	@ApiResponse(responseCode = "429", description = "Too many of your completions at once, the API key's rpm or tpm "
			+ "is spent, or the provider's rate limit (Retry-After, RateLimit, RateLimit-Policy)")
	@ApiResponse(responseCode = "502", description = "The model provider failed (x-should-retry: false when Parley already retried)")
	@ApiResponse(responseCode = "503", description = "The model's circuit breaker is open")
	@ApiResponse(responseCode = "504", description = "The model provider timed out")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = ChatCompletionRequest.class)))
	@Nullable Object complete(@AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request,
			@Parameter(description = "true: answer from the response cache when an identical request was answered "
					+ "before (needs temperature 0 or a seed, no tools); the answer carries x-parley-cache: hit or miss")
			@RequestHeader(name = CacheStatus.HEADER, required = false) @Nullable String cacheHeader,
			HttpServletResponse response) throws IOException, MethodArgumentNotValidException {
		byte[] body = RequestBodies.read(request);
		boolean cacheAsked = cacheAsked(cacheHeader);
		ChatRequestFields fields = ChatRequestFields.scan(body);
		if (passThrough.handles(fields.model())) {
			String model = generations.resolveModel(fields.model());
			CacheKey cacheKey = cacheAsked ? cached.key(caller.id(), body, model, fields.streamed()) : null;
			RateLimitHeaders.write(response, keyLimits.admit(fields.model(), model, body.length));
			if (cacheKey != null && cached.replay(caller.id(), fields.model(), cacheKey, response)) {
				return null;
			}
			passThrough.complete(caller.id(), fields, response, cacheKey);
			return null;
		}
		return translate(caller, translated.read(body), cacheAsked, response);
	}

	private static boolean cacheAsked(@Nullable String header) {
		if (header == null || header.isBlank() || "false".equalsIgnoreCase(header.strip())) {
			return false;
		}
		if ("true".equalsIgnoreCase(header.strip())) {
			return true;
		}
		throw new InvalidChatRequest(CacheStatus.HEADER, "must be true or false");
	}

	private Object translate(AuthenticatedUser caller, ChatCompletionRequest request, boolean cacheAsked,
			HttpServletResponse response) {
		GenerationRequest generation = translator.translate(request, caller.id());
		if (cacheAsked) {
			String refusal = CacheDirective.refusal(generation);
			if (refusal != null) {
				throw new InvalidChatRequest(CacheStatus.HEADER, refusal);
			}
			generation = generation.cached(CacheDirective.PRIVATE);
		}
		String model = generations.resolveModel(generation.model());
		RateLimitHeaders.write(response, keyLimits.admit(generation, model));
		String id = "chatcmpl-" + Ids.next().toString().replace("-", "");
		long created = clock.instant().getEpochSecond();
		if (!request.streamed()) {
			GenerationResult result = generations.generate(generation);
			if (cacheAsked) {
				response.setHeader(CacheStatus.HEADER,
						(result.fromCache() ? CacheStatus.HIT : CacheStatus.MISS).headerValue());
			}
			return ChatCompletion.from(id, created, result);
		}
		ChatCompletionStream stream = ChatCompletionStream.start(generations, generation, id, created, model,
				request.includeUsage(), json, outcomes);
		if (stream.cacheStatus() != null) {
			response.setHeader(CacheStatus.HEADER, stream.cacheStatus().headerValue());
		}
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		// Proxies such as nginx would otherwise hold the events back until their buffer fills.
		response.setHeader("X-Accel-Buffering", "no");
		return stream;
	}
}
